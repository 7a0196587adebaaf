package io.crossdesk.notification.log.application;

import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.Notification;

/** Sends messages over one external channel. */
public interface ChannelSender {

  Channel channel();

  /**
   * Hands one message to the channel's provider.
   *
   * @throws Exception when the provider did not take it; the message is tried again later
   */
  void send(Notification notification) throws Exception;
}
