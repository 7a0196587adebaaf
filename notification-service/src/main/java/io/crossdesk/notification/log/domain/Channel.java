package io.crossdesk.notification.log.domain;

/** How a notification reaches its recipient. */
public enum Channel {
  EMAIL,
  SMS
}
