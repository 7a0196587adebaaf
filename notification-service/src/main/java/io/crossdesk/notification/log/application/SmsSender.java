package io.crossdesk.notification.log.application;

import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.Notification;
import org.springframework.stereotype.Component;

/** SMS through whichever {@link SmsProvider} is configured; the text is the message's body. */
@Component
class SmsSender implements ChannelSender {

  private final SmsProvider provider;

  SmsSender(SmsProvider provider) {
    this.provider = provider;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public void send(Notification notification) throws Exception {
    provider.send(notification.recipient(), notification.body(), notification.id());
  }
}
