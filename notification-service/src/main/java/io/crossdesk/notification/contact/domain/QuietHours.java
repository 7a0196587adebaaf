package io.crossdesk.notification.contact.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a customer does not want to be disturbed, in their own time zone. {@code to} before {@code
 * from} spans midnight (22:00 to 08:00).
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

  public QuietHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
  }

  /** The quiet hours the customer events state, if they state valid ones. */
  public static Optional<QuietHours> parse(String from, String to, String zone) {
    if (from == null || to == null || zone == null) {
      return Optional.empty();
    }
    try {
      QuietHours hours =
          new QuietHours(LocalTime.parse(from), LocalTime.parse(to), ZoneId.of(zone));
      return hours.from.equals(hours.to) ? Optional.empty() : Optional.of(hours);
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** When the quiet hours that cover {@code now} end; empty when {@code now} is not in them. */
  public Optional<Instant> endIfCovering(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean covered =
        from.isBefore(to)
            ? !time.isBefore(from) && time.isBefore(to)
            : !time.isBefore(from) || time.isBefore(to);
    if (!covered) {
      return Optional.empty();
    }
    ZonedDateTime end = local.with(to);
    if (!end.isAfter(local)) {
      end = end.plusDays(1).with(to);
    }
    return Optional.of(end.toInstant());
  }
}
