package io.crossdesk.workorder.configuration.web;

import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.workorder.configuration.application.ConfigurationChanges;
import io.crossdesk.workorder.configuration.application.ConfigurationSnapshot;
import io.crossdesk.workorder.configuration.application.RoutingConfiguration;
import io.crossdesk.workorder.flow.domain.FlowTemplate;
import io.crossdesk.workorder.routing.domain.RoutingDecision;
import io.crossdesk.workorder.routing.domain.RoutingRequest;
import io.crossdesk.workorder.routing.domain.RoutingRule;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The rules that decide which flow a ticket goes into. */
@RestController
@RequestMapping("/api/routing-rules")
class RoutingRuleController {

  private final RoutingConfiguration configuration;
  private final ConfigurationChanges changes;

  RoutingRuleController(RoutingConfiguration configuration, ConfigurationChanges changes) {
    this.configuration = configuration;
    this.changes = changes;
  }

  /** The rules in the order they are tried; the default rule applies when none matches. */
  @GetMapping
  @PreAuthorize(Can.READ_ROUTING)
  List<RoutingRule> list() {
    return configuration.current().rules();
  }

  @PutMapping("/{id}")
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  RoutingRule put(
      @PathVariable String id,
      @RequestBody RoutingRuleRequest body,
      @AuthenticationPrincipal Jwt jwt) {
    RoutingRule rule =
        new RoutingRule(
            id,
            body.order() == null ? 500 : body.order(),
            body.conditions(),
            body.template() == null ? "" : body.template(),
            body.priorityChange(),
            body.description());
    changes.saveRule(rule, Caller.of(jwt).subject());
    return rule;
  }

  @DeleteMapping("/{id}")
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
    changes.deleteRule(id, Caller.of(jwt).subject());
  }

  /** Which rule and flow a ticket like this would get; stores and publishes nothing. */
  @PostMapping("/test")
  @PreAuthorize(Can.READ_ROUTING)
  RoutingTestAnswer test(@RequestBody RoutingRequest ticket) {
    ConfigurationSnapshot current = configuration.current();
    RoutingDecision decision = current.router().route(ticket);
    FlowTemplate flow = current.latest(decision.template()).orElse(null);
    return RoutingTestAnswer.of(decision, flow);
  }
}
