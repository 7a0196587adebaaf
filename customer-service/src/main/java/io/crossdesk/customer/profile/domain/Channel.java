package io.crossdesk.customer.profile.domain;

/** The ways a customer reaches the desk or is reached by it. */
public enum Channel {
  HOTLINE,
  SMS,
  WEB,
  APP,
  BRANCH,
  ACCOUNT_MANAGER,
  EMAIL,
  SYSTEM
}
