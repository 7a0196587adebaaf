package io.crossdesk.notification.template.domain;

/** The channels a message can be written for; each has its own template. */
public enum Channel {
  EMAIL,
  SMS,
  WEBHOOK,
  IN_APP
}
