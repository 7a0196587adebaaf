package io.crossdesk.analytics.kpi.domain;

import java.time.Instant;
import java.util.Map;

/** A ticket in the backlog: opened, not yet resolved or closed. */
public record OpenTicket(
    String ticketId,
    String ticketNumber,
    Instant openedAt,
    Instant resolveBy,
    Map<Dimension, String> groups) {

  public OpenTicket {
    groups = Map.copyOf(groups);
  }

  /** Its group in {@code dimension}, as {@link Contribution#group} names it. */
  public String group(Dimension dimension) {
    if (dimension == Dimension.ALL) {
      return "all";
    }
    String value = groups.get(dimension);
    return value == null || value.isBlank() ? Dimension.UNKNOWN : value;
  }
}
