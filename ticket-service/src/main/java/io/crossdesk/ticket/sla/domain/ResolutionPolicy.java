package io.crossdesk.ticket.sla.domain;

import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.ticket.domain.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a ticket may take to resolve, by the customer's tier and the ticket's priority. Higher
 * tiers and higher priorities get shorter deadlines.
 */
public final class ResolutionPolicy {

  private final Map<CustomerTier, Map<Priority, Integer>> hours;

  private ResolutionPolicy(Map<CustomerTier, Map<Priority, Integer>> hours) {
    this.hours = hours;
  }

  /** The standard service levels in hours: URGENT, HIGH, NORMAL, LOW per tier. */
  public static ResolutionPolicy defaults() {
    Map<CustomerTier, Map<Priority, Integer>> hours = new EnumMap<>(CustomerTier.class);
    hours.put(CustomerTier.A, row(4, 8, 24, 48));
    hours.put(CustomerTier.B, row(8, 24, 48, 72));
    hours.put(CustomerTier.C, row(24, 48, 72, 120));
    return new ResolutionPolicy(hours);
  }

  /** This policy with one cell changed. */
  public ResolutionPolicy with(CustomerTier tier, Priority priority, int resolutionHours) {
    if (resolutionHours <= 0) {
      throw new IllegalArgumentException(
          "resolution hours for " + tier + "/" + priority + " must be positive");
    }
    Map<CustomerTier, Map<Priority, Integer>> changed = new EnumMap<>(CustomerTier.class);
    hours.forEach((row, cells) -> changed.put(row, new EnumMap<>(cells)));
    changed.get(tier).put(priority, resolutionHours);
    return new ResolutionPolicy(changed);
  }

  public Duration resolutionTime(CustomerTier tier, Priority priority) {
    return Duration.ofHours(hours.get(tier).get(priority));
  }

  public Instant resolveBy(Instant openedAt, CustomerTier tier, Priority priority) {
    return openedAt.plus(resolutionTime(tier, priority));
  }

  private static Map<Priority, Integer> row(int urgent, int high, int normal, int low) {
    Map<Priority, Integer> row = new EnumMap<>(Priority.class);
    row.put(Priority.URGENT, urgent);
    row.put(Priority.HIGH, high);
    row.put(Priority.NORMAL, normal);
    row.put(Priority.LOW, low);
    return row;
  }
}
