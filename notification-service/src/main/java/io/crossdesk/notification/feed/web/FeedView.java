package io.crossdesk.notification.feed.web;

import io.crossdesk.notification.feed.domain.FeedEntry;
import java.time.Instant;
import java.util.List;

/** What a caller's feed shows: the unread count and the newest messages, newest first. */
record FeedView(long unread, List<Entry> entries) {

  /**
   * @param feed the feed it is in: the caller's own, or their department's
   */
  record Entry(
      String id,
      String feed,
      String kind,
      String ticketId,
      String subject,
      String body,
      Instant at,
      boolean read) {

    static Entry of(String feed, FeedEntry entry) {
      return new Entry(
          entry.id(),
          feed,
          entry.kind(),
          entry.ticketId(),
          entry.subject(),
          entry.body(),
          entry.at(),
          entry.read());
    }
  }
}
