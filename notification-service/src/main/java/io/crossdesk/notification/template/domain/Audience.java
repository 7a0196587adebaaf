package io.crossdesk.notification.template.domain;

/** Who reads a kind of message. */
public enum Audience {
  CUSTOMER,
  DEPARTMENT_STAFF,
  ESCALATION_CONTACT,
  OWNER_AND_DEPARTMENT,
  SUPERVISOR,
  ACCOUNT_MANAGER
}
