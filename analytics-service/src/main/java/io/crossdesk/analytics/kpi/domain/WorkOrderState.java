package io.crossdesk.analytics.kpi.domain;

import java.util.List;

/** What analytics remembers of one work order: its category and the events already counted. */
public record WorkOrderState(String category, List<String> counted) {

  public WorkOrderState {
    counted = List.copyOf(counted);
  }

  public static WorkOrderState unknown() {
    return new WorkOrderState(null, List.of());
  }

  boolean hasCounted(String eventId) {
    return counted.contains(eventId);
  }

  WorkOrderState counting(String eventId) {
    return new WorkOrderState(category, CountedEvents.with(counted, eventId));
  }

  WorkOrderState withCategory(String category) {
    return category == null ? this : new WorkOrderState(category, counted);
  }
}
