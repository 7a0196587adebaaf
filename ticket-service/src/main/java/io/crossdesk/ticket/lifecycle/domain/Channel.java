package io.crossdesk.ticket.lifecycle.domain;

/** Where the customer reached the desk. Every contact is recorded, whatever the channel. */
public enum Channel {
  HOTLINE,
  SMS,
  WEB,
  APP,
  BRANCH,
  ACCOUNT_MANAGER,
  EMAIL,
  /** Another enterprise system asked for the ticket. */
  SYSTEM
}
