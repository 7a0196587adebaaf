package io.crossdesk.notification.log.domain;

import java.util.List;

/** Where in-app messages are delivered: their recipients' feeds. */
public interface FeedWriter {

  /** Adds the messages to their recipients' feeds; a message in a feed already is not added. */
  void append(List<Notification> messages);
}
