package io.crossdesk.workorder.configuration.web;

import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.workorder.configuration.application.ConfigurationChanges;
import io.crossdesk.workorder.configuration.application.RoutingConfiguration;
import io.crossdesk.workorder.flow.domain.FlowTemplate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Flow templates: every save is a new version; running work orders keep theirs. */
@RestController
@RequestMapping("/api/flow-templates")
class FlowTemplateController {

  private final RoutingConfiguration configuration;
  private final ConfigurationChanges changes;

  FlowTemplateController(RoutingConfiguration configuration, ConfigurationChanges changes) {
    this.configuration = configuration;
    this.changes = changes;
  }

  /** The latest version of each template. */
  @GetMapping
  @PreAuthorize(Can.READ_FLOWS)
  List<FlowTemplate> list() {
    return configuration.current().latestOfEach();
  }

  @GetMapping("/{id}")
  @PreAuthorize(Can.READ_FLOWS)
  FlowTemplate latest(@PathVariable String id) {
    return configuration
        .current()
        .latest(id)
        .orElseThrow(() -> new NotFoundException("No flow template " + id));
  }

  @GetMapping("/{id}/versions/{version}")
  @PreAuthorize(Can.READ_FLOWS)
  FlowTemplate version(@PathVariable String id, @PathVariable int version) {
    return configuration
        .current()
        .version(id, version)
        .orElseThrow(() -> new NotFoundException("No version " + version + " of " + id));
  }

  /**
   * Stores the body as the template's next version (the first for a new id) and answers it with its
   * version. A step in an unknown department, a cycle or an unreachable step is a 400 naming the
   * step.
   */
  @PutMapping("/{id}")
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  FlowTemplate put(
      @PathVariable String id,
      @RequestBody FlowTemplateRequest body,
      @AuthenticationPrincipal Jwt jwt) {
    return changes.saveTemplate(
        new FlowTemplate(id, 0, body.name(), body.description(), body.steps()),
        Caller.of(jwt).subject());
  }
}
