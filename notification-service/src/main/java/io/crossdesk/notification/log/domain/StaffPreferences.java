package io.crossdesk.notification.log.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a member of staff wants to hear of the messages addressed to them personally (as a ticket's
 * owner, or an escalation contact named by user name): always in their feed, and besides on the
 * direct channels they chose, each message at once, or all of a day's in one e-mail at {@code
 * digestAt} in their time zone.
 *
 * @param channels the direct channels, EMAIL and SMS; empty for the feed only
 */
public record StaffPreferences(
    String user,
    Set<Channel> channels,
    String email,
    String phone,
    boolean digest,
    LocalTime digestAt,
    ZoneId zone) {

  public StaffPreferences {
    Objects.requireNonNull(user, "user");
    channels = Set.copyOf(channels);
    digestAt = digestAt == null ? LocalTime.of(8, 0) : digestAt;
    zone = zone == null ? ZoneId.of("UTC") : zone;
  }

  /** What staff who chose nothing get: their feed only. */
  public static StaffPreferences feedOnly(String user) {
    return new StaffPreferences(user, Set.of(), null, null, false, null, null);
  }

  /** The direct copies of one message, unless they are gathered into the digest. */
  public List<DeliveryAddress> directAddresses() {
    if (digest) {
      return List.of();
    }
    return channels.stream()
        .map(
            channel ->
                new DeliveryAddress(
                    channel, RecipientType.STAFF, user, channel == Channel.SMS ? phone : email))
        .filter(DeliveryAddress::isKnown)
        .sorted((a, b) -> a.channel().compareTo(b.channel()))
        .toList();
  }

  /** Where the digest goes; null when the member of staff takes none. */
  public DeliveryAddress digestAddress() {
    return digest && email != null
        ? new DeliveryAddress(Channel.EMAIL, RecipientType.STAFF, user, email)
        : null;
  }

  /** The next digest time after {@code now}. */
  public Instant nextDigestAfter(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime next = local.with(digestAt);
    if (!next.isAfter(local)) {
      next = next.plusDays(1).with(digestAt);
    }
    return next.toInstant();
  }
}
