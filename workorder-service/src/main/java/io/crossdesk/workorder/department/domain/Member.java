package io.crossdesk.workorder.department.domain;

/** A person in a department; one who is away is not given work automatically. */
public record Member(String id, String name, Boolean away) {

  public Member {
    away = Boolean.TRUE.equals(away);
  }
}
