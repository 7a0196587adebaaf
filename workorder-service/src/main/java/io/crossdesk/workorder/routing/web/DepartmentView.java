package io.crossdesk.workorder.routing.web;

import io.crossdesk.workorder.routing.domain.Department;

/** A department as the API shows it: the id used in tokens and filters, and a display name. */
public record DepartmentView(String id, String name) {

  static DepartmentView of(Department department) {
    return new DepartmentView(department.id(), department.displayName());
  }
}
