package io.crossdesk.customer.history.domain;

import io.crossdesk.customer.profile.domain.Channel;
import io.crossdesk.customer.profile.domain.InvalidCustomerException;
import java.time.Instant;
import java.util.Objects;

/**
 * One contact with a customer, through any channel. Its id orders a customer's contacts newest
 * first: {@code <customerId>|<inverted epoch millis>|<source key>}, the source key being the id of
 * the event it came from (so a redelivered event records it once) or a fresh one for a contact
 * recorded by hand.
 */
public record Contact(
    String id,
    String customerId,
    Channel channel,
    ContactKind kind,
    Instant at,
    String summary,
    String ticketId,
    String recordedBy) {

  public static final int MAX_SUMMARY_LENGTH = 2000;
  private static final long LATEST = 9_999_999_999_999L;

  public Contact {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    summary = summary == null ? "" : summary.strip();
    if (summary.length() > MAX_SUMMARY_LENGTH) {
      throw new InvalidCustomerException(
          "summary", "must be at most " + MAX_SUMMARY_LENGTH + " characters long");
    }
  }

  public static Contact of(
      String customerId,
      String sourceKey,
      Channel channel,
      ContactKind kind,
      Instant at,
      String summary,
      String ticketId,
      String recordedBy) {
    return new Contact(
        idOf(customerId, at, sourceKey),
        customerId,
        channel,
        kind,
        at,
        summary,
        ticketId,
        recordedBy);
  }

  public static String idOf(String customerId, Instant at, String sourceKey) {
    return prefixOf(customerId)
        + String.format("%013d", LATEST - at.toEpochMilli())
        + "|"
        + sourceKey;
  }

  /** Every contact id of the customer starts with this, and no other customer's does. */
  public static String prefixOf(String customerId) {
    return customerId + "|";
  }
}
