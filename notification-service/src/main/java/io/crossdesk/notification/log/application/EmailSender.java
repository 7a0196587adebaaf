package io.crossdesk.notification.log.application;

import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.Notification;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP through Spring's mail support ({@code spring.mail.*}): HTML in UTF-8, with the
 * notification id as the {@code Message-ID}'s local part and in an {@code X-Crossdesk-
 * Notification} header, so that a mail server that logs it ties it back to the notification.
 */
@Component
class EmailSender implements ChannelSender {

  static final String NOTIFICATION_HEADER = "X-Crossdesk-Notification";

  private final JavaMailSender mail;
  private final String from;

  EmailSender(JavaMailSender mail, NotificationProperties properties) {
    this.mail = mail;
    this.from = properties.emailFrom();
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void send(Notification notification) throws Exception {
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(notification.recipient());
    helper.setSubject(notification.subject() == null ? "" : notification.subject());
    // E-mail templates are written in HTML (their placeholders' values are escaped for it).
    helper.setText(notification.body(), true);
    message.setHeader(NOTIFICATION_HEADER, notification.id());
    mail.send(message);
  }
}
