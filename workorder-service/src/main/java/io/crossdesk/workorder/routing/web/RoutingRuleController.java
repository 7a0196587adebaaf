package io.crossdesk.workorder.routing.web;

import io.crossdesk.workorder.routing.persistence.RoutingRuleStore;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rules that decide which department a request goes to. */
@RestController
class RoutingRuleController {

  private final RoutingRuleStore rules;

  RoutingRuleController(RoutingRuleStore rules) {
    this.rules = rules;
  }

  /** The rules in the order they are tried; the default rule applies when none matches. */
  @GetMapping("/api/routing-rules")
  @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR','ADMIN')")
  List<RoutingRuleView> list() {
    return rules.all().stream().map(RoutingRuleView::of).toList();
  }
}
