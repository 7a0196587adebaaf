package io.crossdesk.notification.log.domain;

/**
 * Who a notification is for: a customer, the staff of a department (their shared feed), one member
 * of staff (by user name), or an escalation contact reached by address only.
 */
public enum RecipientType {
  CUSTOMER,
  DEPARTMENT,
  STAFF,
  CONTACT
}
