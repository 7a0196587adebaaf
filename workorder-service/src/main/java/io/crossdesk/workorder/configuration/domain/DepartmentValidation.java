package io.crossdesk.workorder.configuration.domain;

import io.crossdesk.workorder.department.domain.Department;
import io.crossdesk.workorder.department.domain.DepartmentNames;
import io.crossdesk.workorder.department.domain.EscalationContact;
import io.crossdesk.workorder.department.domain.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a department must have before work can be routed to it. */
public final class DepartmentValidation {

  private DepartmentValidation() {}

  public static List<Violation> check(Department department) {
    List<Violation> violations = new ArrayList<>();
    if (department.id() == null || !department.id().matches("[a-z][a-z0-9-]{1,39}")) {
      violations.add(
          new Violation("id", "must be 2-40 lower-case letters, digits or '-', e.g. network-ops"));
    }
    DepartmentNames names = department.names();
    if (names == null || blank(names.zhCN()) || blank(names.enUS()) || blank(names.customer())) {
      violations.add(new Violation("names", "needs zhCN, enUS and customer names"));
    }
    if (department.calendar() == null) {
      violations.add(new Violation("calendar", "a department needs working hours"));
    } else {
      try {
        department.calendar().toCalendar();
      } catch (IllegalArgumentException e) {
        violations.add(new Violation("calendar", e.getMessage()));
      }
    }
    Set<Integer> levels = new HashSet<>();
    for (int i = 0; i < department.escalationContacts().size(); i++) {
      EscalationContact contact = department.escalationContacts().get(i);
      if (contact.level() < 1 || contact.level() > 3 || !levels.add(contact.level())) {
        violations.add(
            new Violation("escalationContacts[" + i + "].level", "must be 1, 2 or 3, once each"));
      }
      if (blank(contact.contact())) {
        violations.add(new Violation("escalationContacts[" + i + "].contact", "must not be blank"));
      }
    }
    Set<String> memberIds = new HashSet<>();
    for (int i = 0; i < department.members().size(); i++) {
      Member member = department.members().get(i);
      if (blank(member.id()) || !memberIds.add(member.id())) {
        violations.add(new Violation("members[" + i + "].id", "must be set and unique"));
      }
    }
    return violations;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
