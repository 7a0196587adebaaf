package io.crossdesk.notification.log.domain;

/** How a notification reaches its recipient: a mail server, an SMS gateway or the in-app feed. */
public enum Channel {
  EMAIL,
  SMS,
  IN_APP
}
