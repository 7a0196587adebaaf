package io.crossdesk.notification.template.domain;

/** Whether a stored template is the one the service ships or an admin's edit. */
public enum Origin {
  DEFAULT,
  EDITED
}
