package io.crossdesk.analytics.kpi.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What analytics remembers of one ticket: the groups it counts under, when it was opened, and the
 * ids of the events already counted, so that an event published twice counts once.
 */
public record TicketState(
    String customerId,
    Instant openedAt,
    String tier,
    String channel,
    String type,
    String category,
    String region,
    String department,
    List<String> counted) {

  public TicketState {
    counted = List.copyOf(counted);
  }

  public static TicketState unknown() {
    return new TicketState(null, null, null, null, null, null, null, null, List.of());
  }

  public boolean hasCounted(String eventId) {
    return counted.contains(eventId);
  }

  TicketState counting(String eventId) {
    return new TicketState(
        customerId,
        openedAt,
        tier,
        channel,
        type,
        category,
        region,
        department,
        CountedEvents.with(counted, eventId));
  }

  TicketState opened(
      String customerId,
      Instant openedAt,
      String tier,
      String channel,
      String type,
      String category,
      String region) {
    return new TicketState(
        customerId, openedAt, tier, channel, type, category, region, department, counted);
  }

  TicketState withDepartment(String department) {
    return department == null
        ? this
        : new TicketState(
            customerId, openedAt, tier, channel, type, category, region, department, counted);
  }

  TicketState withTier(String tier) {
    return tier == null
        ? this
        : new TicketState(
            customerId, openedAt, tier, channel, type, category, region, department, counted);
  }

  Map<Dimension, String> groups() {
    Map<Dimension, String> groups = new EnumMap<>(Dimension.class);
    put(groups, Dimension.DEPARTMENT, department);
    put(groups, Dimension.CHANNEL, channel);
    put(groups, Dimension.TYPE, type);
    put(groups, Dimension.CATEGORY, category);
    put(groups, Dimension.REGION, region);
    put(groups, Dimension.TIER, tier);
    return groups;
  }

  Signal signal(String kind, String detail, String ticketId, java.time.Instant at) {
    return new Signal(kind, customerId, tier, category, region, detail, ticketId, at);
  }

  boolean isComplaint() {
    return "COMPLAINT".equals(type);
  }

  private static void put(Map<Dimension, String> groups, Dimension dimension, String value) {
    if (value != null) {
      groups.put(dimension, value);
    }
  }
}
