package io.crossdesk.ticket.lifecycle.domain;

import java.util.Objects;

/**
 * Who opened a ticket: a person (by token subject) or another enterprise system, which also names
 * the request in its own records so that a redelivered request is recognised.
 */
public record Origin(String openedBy, String sourceSystem, String externalId) {

  public Origin {
    Objects.requireNonNull(openedBy, "openedBy");
    if ((sourceSystem == null) != (externalId == null)) {
      throw new IllegalArgumentException("sourceSystem and externalId go together");
    }
  }

  public static Origin person(String subject) {
    return new Origin(subject, null, null);
  }

  public static Origin system(String sourceSystem, String externalId) {
    return new Origin(sourceSystem, sourceSystem, externalId);
  }
}
