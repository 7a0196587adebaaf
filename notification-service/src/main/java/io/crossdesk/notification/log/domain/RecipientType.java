package io.crossdesk.notification.log.domain;

/**
 * Who a notification is for: a customer, the staff of a department (their shared feed), one member
 * of staff (by user name), an escalation contact reached by address only, or the supervisors (their
 * shared feed, which every SUPERVISOR and ADMIN reads).
 */
public enum RecipientType {
  CUSTOMER,
  DEPARTMENT,
  STAFF,
  CONTACT,
  SUPERVISORS
}
