package io.crossdesk.benchmark.observe;

import java.time.Instant;
import org.HdrHistogram.Histogram;

/**
 * What became of a set of expected tickets, as the topics tell it.
 *
 * @param notOpened requests with no TicketOpened seen: not opened, or not yet published
 * @param unrouted opened tickets with no WorkOrderRouted seen
 * @param openedTwice tickets announced by more than one distinct TicketOpened event
 * @param routedTwice tickets with more than one distinct work order
 * @param requestOpenedTwice intake requests that opened more than one ticket
 * @param latency open-to-routed milliseconds of the routed tickets
 * @param lastOpened latest ce_time of their TicketOpened events, null when none
 * @param lastRouted latest WorkOrderRouted record timestamp, null when none
 */
public record TicketOutcomes(
    long expected,
    long opened,
    long routed,
    long notOpened,
    long unrouted,
    long openedTwice,
    long routedTwice,
    long requestOpenedTwice,
    Histogram latency,
    Instant lastOpened,
    Instant lastRouted) {

  /** Every expected ticket opened and routed. */
  public boolean complete() {
    return notOpened == 0 && unrouted == 0;
  }

  public long duplicateEffects() {
    return openedTwice + routedTwice + requestOpenedTwice;
  }
}
