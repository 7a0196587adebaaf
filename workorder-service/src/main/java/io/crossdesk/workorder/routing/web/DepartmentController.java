package io.crossdesk.workorder.routing.web;

import io.crossdesk.workorder.routing.domain.Department;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The departments work orders can be routed to. */
@RestController
class DepartmentController {

  @GetMapping("/api/departments")
  @PreAuthorize("hasAnyRole('AGENT','DEPARTMENT','SUPERVISOR','ADMIN','SYSTEM')")
  List<DepartmentView> list() {
    return Arrays.stream(Department.values()).map(DepartmentView::of).toList();
  }
}
