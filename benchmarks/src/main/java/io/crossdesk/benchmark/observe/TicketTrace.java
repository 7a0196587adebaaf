package io.crossdesk.benchmark.observe;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the topics said about one ticket: its TicketOpened events and its work orders. */
final class TicketTrace {

  final Set<String> openedEventIds = new LinkedHashSet<>();
  final Set<String> workOrderIds = new LinkedHashSet<>();
  Instant openedAt;
  long firstRoutedAtMillis = -1;

  void opened(String eventId, Instant time) {
    openedEventIds.add(eventId);
    if (openedAt == null) {
      openedAt = time;
    }
  }

  /** Returns true the first time the ticket is routed. */
  boolean routed(String workOrderId, long recordTimestamp) {
    workOrderIds.add(workOrderId);
    if (firstRoutedAtMillis < 0) {
      firstRoutedAtMillis = recordTimestamp;
      return true;
    }
    return false;
  }

  boolean isOpened() {
    return openedAt != null;
  }

  boolean isRouted() {
    return firstRoutedAtMillis >= 0;
  }

  /** Open to routed, from the TicketOpened ce_time to the WorkOrderRouted record timestamp. */
  long latencyMillis() {
    return Math.max(0, firstRoutedAtMillis - openedAt.toEpochMilli());
  }
}
