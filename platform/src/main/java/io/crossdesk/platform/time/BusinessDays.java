package io.crossdesk.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A calendar's days as instants: where each date's opening hours begin and end on the timeline. */
final class BusinessDays {

  /** Opening hours on the timeline; never empty. */
  record Span(Instant opens, Instant closes) {}

  private final ZoneId zone;
  private final ZoneRules rules;
  private final Function<LocalDate, List<OpeningHours>> hours;

  BusinessDays(ZoneId zone, Function<LocalDate, List<OpeningHours>> hours) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.hours = hours;
  }

  /**
   * The opening hours of {@code date} in order. Every instant whose local date is {@code date} lies
   * between {@link #startOf} this date and the next, and so do these spans.
   */
  List<Span> spans(LocalDate date) {
    List<OpeningHours> stretches = hours.apply(date);
    List<Span> spans = new ArrayList<>(stretches.size());
    for (OpeningHours stretch : stretches) {
      Instant opens = instantOf(date, stretch.opens());
      Instant closes =
          stretch.closesAtEndOfDay()
              ? startOf(date.plusDays(1))
              : instantOf(date, stretch.closes());
      // Hours that fall wholly into a skipped hour are not worked that day.
      if (closes.isAfter(opens)) {
        spans.add(new Span(opens, closes));
      }
    }
    return spans;
  }

  Instant startOf(LocalDate date) {
    return instantOf(date, LocalTime.MIDNIGHT);
  }

  /**
   * The first date on or after {@code date} whose length may differ from 24 hours, or null when the
   * zone's offset never changes again.
   */
  LocalDate nextOffsetChange(LocalDate date) {
    ZoneOffsetTransition next = rules.nextTransition(startOf(date).minusNanos(1));
    if (next == null) {
      return null;
    }
    LocalDate before = next.getDateTimeBefore().toLocalDate();
    LocalDate after = next.getDateTimeAfter().toLocalDate();
    return before.isBefore(after) ? before : after;
  }

  /**
   * Maps wall-clock time to the timeline without ever going backwards: a time skipped by the clocks
   * springing forward is the moment they jumped, and a time that occurs twice is its first
   * occurrence. Spans built from ordered, non-overlapping hours therefore never overlap.
   */
  private Instant instantOf(LocalDate date, LocalTime time) {
    LocalDateTime local = date.atTime(time);
    ZoneOffsetTransition transition = rules.getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }
}
