package io.crossdesk.notification.feed.domain;

import java.time.Instant;

/** One message in a recipient's in-app feed; its id is the notification's. */
public record FeedEntry(
    String id,
    String kind,
    String ticketId,
    String subject,
    String body,
    Instant at,
    boolean read) {

  public FeedEntry markedRead() {
    return new FeedEntry(id, kind, ticketId, subject, body, at, true);
  }
}
