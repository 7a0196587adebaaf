package io.crossdesk.ticket.sla.domain;

import java.time.Duration;

/** How much business time a ticket has for its first response and for its resolution. */
public record SlaTargets(long firstResponseMinutes, long resolutionMinutes) {

  public SlaTargets {
    if (firstResponseMinutes <= 0 || resolutionMinutes <= 0) {
      throw new IllegalArgumentException("targets must be positive");
    }
    if (firstResponseMinutes > resolutionMinutes) {
      throw new IllegalArgumentException("the first response cannot be due after the resolution");
    }
  }

  public Duration firstResponse() {
    return Duration.ofMinutes(firstResponseMinutes);
  }

  public Duration resolution() {
    return Duration.ofMinutes(resolutionMinutes);
  }
}
