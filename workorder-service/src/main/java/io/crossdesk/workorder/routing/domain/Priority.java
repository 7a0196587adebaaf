package io.crossdesk.workorder.routing.domain;

import java.util.Optional;

/** A ticket's priority, lowest first. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  /** One level up; URGENT stays URGENT. */
  public Priority raised() {
    return this == URGENT ? URGENT : values()[ordinal() + 1];
  }

  public static Priority parse(String text) {
    return Optional.ofNullable(text)
        .filter(value -> !value.isBlank())
        .map(value -> valueOf(value.trim()))
        .orElse(NORMAL);
  }
}
