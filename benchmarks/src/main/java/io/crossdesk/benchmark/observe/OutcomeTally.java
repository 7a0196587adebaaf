package io.crossdesk.benchmark.observe;

import java.time.Instant;
import org.HdrHistogram.Histogram;

/** Counts while {@link EventTracker#outcomes} walks the expected tickets. */
final class OutcomeTally {

  final long expected;
  final Histogram latency = new Histogram(3);
  long opened;
  long routed;
  long notOpened;
  long unrouted;
  long openedTwice;
  long routedTwice;
  long requestOpenedTwice;
  long lastOpened = -1;
  long lastRouted = -1;

  OutcomeTally(long expected) {
    this.expected = expected;
  }

  void add(TicketTrace trace) {
    if (trace == null || !trace.isOpened()) {
      notOpened++;
      return;
    }
    opened++;
    lastOpened = Math.max(lastOpened, trace.openedAt.toEpochMilli());
    if (trace.openedEventIds.size() > 1) {
      openedTwice++;
    }
    if (!trace.isRouted()) {
      unrouted++;
      return;
    }
    routed++;
    lastRouted = Math.max(lastRouted, trace.firstRoutedAtMillis);
    latency.recordValue(trace.latencyMillis());
    if (trace.workOrderIds.size() > 1) {
      routedTwice++;
    }
  }

  TicketOutcomes outcomes() {
    return new TicketOutcomes(
        expected,
        opened,
        routed,
        notOpened,
        unrouted,
        openedTwice,
        routedTwice,
        requestOpenedTwice,
        latency,
        lastOpened < 0 ? null : Instant.ofEpochMilli(lastOpened),
        lastRouted < 0 ? null : Instant.ofEpochMilli(lastRouted));
  }
}
