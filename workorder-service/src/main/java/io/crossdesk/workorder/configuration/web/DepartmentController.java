package io.crossdesk.workorder.configuration.web;

import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.workorder.configuration.application.ConfigurationChanges;
import io.crossdesk.workorder.configuration.application.RoutingConfiguration;
import io.crossdesk.workorder.department.domain.Department;
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

/** The departments work is routed to, as data administrators edit. */
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

  private final RoutingConfiguration configuration;
  private final ConfigurationChanges changes;

  DepartmentController(RoutingConfiguration configuration, ConfigurationChanges changes) {
    this.configuration = configuration;
    this.changes = changes;
  }

  @GetMapping
  @PreAuthorize(Can.READ_DEPARTMENTS)
  List<Department> list() {
    return configuration.current().departments().all();
  }

  @GetMapping("/{id}")
  @PreAuthorize(Can.READ_DEPARTMENTS)
  Department get(@PathVariable String id) {
    return configuration
        .current()
        .departments()
        .find(id)
        .orElseThrow(() -> new NotFoundException("No department " + id));
  }

  /** Creates or replaces a department; the id in the path wins over one in the body. */
  @PutMapping("/{id}")
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  Department put(
      @PathVariable String id, @RequestBody Department body, @AuthenticationPrincipal Jwt jwt) {
    Department department =
        new Department(
            id,
            body.names(),
            body.calendar(),
            body.members(),
            body.escalationContacts(),
            body.intake());
    changes.saveDepartment(department, Caller.of(jwt).subject());
    return department;
  }
}
