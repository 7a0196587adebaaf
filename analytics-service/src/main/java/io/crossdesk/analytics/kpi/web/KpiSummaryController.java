package io.crossdesk.analytics.kpi.web;

import io.crossdesk.analytics.kpi.domain.KpiTotals;
import io.crossdesk.analytics.kpi.persistence.PartitionTotalsStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analytics")
class KpiSummaryController {

  private final PartitionTotalsStore totals;

  KpiSummaryController(PartitionTotalsStore totals) {
    this.totals = totals;
  }

  @GetMapping("/summary")
  @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN','AGENT')")
  KpiSummaryView summary() {
    return KpiSummaryView.of(KpiTotals.of(totals.values()), totals.routing());
  }
}
