package io.crossdesk.workorder.flow.domain;

import io.crossdesk.platform.time.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * A step's target duration, its operational-level agreement. Counted in the department's business
 * hours, except promises made to the customer in days (a call-back "within 3 days"), which run on
 * the wall clock.
 */
public record Ola(long minutes, OlaClock clock) {

  public Ola {
    if (minutes <= 0) {
      throw new IllegalArgumentException("an OLA must be positive");
    }
    clock = clock == null ? OlaClock.BUSINESS_HOURS : clock;
  }

  public static Ola businessHours(long hours) {
    return new Ola(hours * 60, OlaClock.BUSINESS_HOURS);
  }

  public static Ola elapsedDays(long days) {
    return new Ola(days * 24 * 60, OlaClock.ELAPSED);
  }

  public Duration duration() {
    return Duration.ofMinutes(minutes);
  }

  /** When a step that became ready at {@code start} is due. */
  public Instant dueFrom(Instant start, BusinessCalendar calendar) {
    return share(start, calendar, 100);
  }

  /** When {@code percent} of the OLA has passed since {@code start}. */
  public Instant share(Instant start, BusinessCalendar calendar, int percent) {
    Duration part = Duration.ofSeconds(minutes * 60 * percent / 100);
    return clock == OlaClock.ELAPSED ? start.plus(part) : calendar.plus(start, part);
  }

  /** Which clock an OLA runs on. */
  public enum OlaClock {
    BUSINESS_HOURS,
    ELAPSED
  }
}
