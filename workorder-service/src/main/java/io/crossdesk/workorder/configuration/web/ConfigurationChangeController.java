package io.crossdesk.workorder.configuration.web;

import io.crossdesk.security.Can;
import io.crossdesk.workorder.configuration.persistence.ConfigurationAudit;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail of the routing configuration: who changed which department, flow or rule. */
@RestController
@RequestMapping("/api/routing-configuration/changes")
class ConfigurationChangeController {

  private final ConfigurationAudit audit;
  private final JsonMapper json;

  ConfigurationChangeController(ConfigurationAudit audit, JsonMapper json) {
    this.audit = audit;
    this.json = json;
  }

  /** Newest first, paged; invalid filters are answered 400 before anything is read. */
  @GetMapping
  @PreAuthorize(Can.SUPERVISE)
  ChangePage list(@Valid @ModelAttribute ChangeParams params) {
    int size = params.pageSize();
    List<ConfigurationChangeView> found =
        audit.page(params.kind(), params.itemId(), params.pageNumber(), size).stream()
            .map(change -> ConfigurationChangeView.of(change, json))
            .toList();
    return new ChangePage(
        found.stream().limit(size).toList(), params.pageNumber(), size, found.size() > size);
  }

  /** One page of the audit trail. */
  record ChangePage(List<ConfigurationChangeView> items, int page, int size, boolean hasNext) {}
}
