package io.crossdesk.analytics.kpi.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What analytics remembers of one ticket: the groups it counts under, when it was opened and is
 * due, whether it is open (neither resolved nor closed), and the ids of the events already counted,
 * so that an event published twice counts once.
 */
public record TicketState(
    String customerId,
    String ticketNumber,
    Instant openedAt,
    Instant resolveBy,
    boolean open,
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
    return new TicketState(
        null, null, null, null, false, null, null, null, null, null, null, List.of());
  }

  public boolean hasCounted(String eventId) {
    return counted.contains(eventId);
  }

  /** The ticket as the backlog lists it, or null when it is not open. */
  public OpenTicket asOpen(String ticketId) {
    return open && openedAt != null
        ? new OpenTicket(ticketId, ticketNumber, openedAt, resolveBy, groups())
        : null;
  }

  TicketState counting(String eventId) {
    return with(t -> t.counted = CountedEvents.with(counted, eventId));
  }

  TicketState opened(
      String customerId,
      String ticketNumber,
      Instant openedAt,
      Instant resolveBy,
      String tier,
      String channel,
      String type,
      String category,
      String region) {
    return with(
        t -> {
          t.customerId = customerId;
          t.ticketNumber = ticketNumber;
          t.openedAt = openedAt;
          t.resolveBy = resolveBy;
          t.open = true;
          t.tier = tier;
          t.channel = channel;
          t.type = type;
          t.category = category;
          t.region = region;
        });
  }

  TicketState reopened(Instant resolveBy) {
    return with(
        t -> {
          t.open = true;
          if (resolveBy != null) {
            t.resolveBy = resolveBy;
          }
        });
  }

  TicketState closed() {
    return with(t -> t.open = false);
  }

  TicketState withDepartment(String department) {
    return department == null ? this : with(t -> t.department = department);
  }

  TicketState withTier(String tier) {
    return tier == null ? this : with(t -> t.tier = tier);
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

  Signal signal(String kind, String detail, String ticketId, Instant at) {
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

  private TicketState with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** A changed copy being made. */
  private static final class Draft {
    String customerId;
    String ticketNumber;
    Instant openedAt;
    Instant resolveBy;
    boolean open;
    String tier;
    String channel;
    String type;
    String category;
    String region;
    String department;
    List<String> counted;

    Draft(TicketState from) {
      customerId = from.customerId;
      ticketNumber = from.ticketNumber;
      openedAt = from.openedAt;
      resolveBy = from.resolveBy;
      open = from.open;
      tier = from.tier;
      channel = from.channel;
      type = from.type;
      category = from.category;
      region = from.region;
      department = from.department;
      counted = from.counted;
    }

    TicketState build() {
      return new TicketState(
          customerId,
          ticketNumber,
          openedAt,
          resolveBy,
          open,
          tier,
          channel,
          type,
          category,
          region,
          department,
          counted);
    }
  }
}
