package io.crossdesk.customer.profile.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When the customer does not want to be notified, in their own time zone. {@code to} before {@code
 * from} spans midnight (22:00 to 08:00).
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

  public QuietHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    if (from.equals(to)) {
      throw new InvalidCustomerException("quietHours", "from and to must differ");
    }
  }

  public boolean covers(LocalTime time) {
    return from.isBefore(to)
        ? !time.isBefore(from) && time.isBefore(to)
        : !time.isBefore(from) || time.isBefore(to);
  }
}
