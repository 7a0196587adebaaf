package io.crossdesk.notification.log.domain;

/**
 * Where a notification stands. Every notification starts {@link #QUEUED}; delivery adapters, which
 * will move it on to sent or failed, are not part of the service yet.
 */
public enum NotificationStatus {
  QUEUED
}
