package io.crossdesk.workorder.department.domain;

import io.crossdesk.platform.time.CalendarSpec;
import java.util.List;

/**
 * A department that does steps of work orders, as data an administrator edits: its names, the
 * working hours its OLAs count in, its people, who its escalations go to, and how work reaches its
 * people.
 *
 * @param id the id used in tokens, events and the API, e.g. {@code network-ops}
 */
public record Department(
    String id,
    DepartmentNames names,
    CalendarSpec calendar,
    List<Member> members,
    List<EscalationContact> escalationContacts,
    WorkIntake intake) {

  public Department {
    members = members == null ? List.of() : List.copyOf(members);
    escalationContacts = escalationContacts == null ? List.of() : List.copyOf(escalationContacts);
    intake = intake == null ? WorkIntake.CLAIM_FROM_QUEUE : intake;
  }

  /** The contact for an escalation level; the highest level below it when that one is unset. */
  public String escalationContact(int level) {
    return escalationContacts.stream()
        .filter(contact -> contact.level() <= level)
        .max((a, b) -> Integer.compare(a.level(), b.level()))
        .map(EscalationContact::contact)
        .orElse(id + "-lead");
  }
}
