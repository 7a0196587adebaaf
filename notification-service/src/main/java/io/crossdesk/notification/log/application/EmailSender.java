package io.crossdesk.notification.log.application;

import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP through Spring's mail support ({@code spring.mail.*}): HTML in UTF-8, with the
 * notification id in an {@code X-Crossdesk-Notification} header, so that a mail server that logs it
 * ties it back to the notification.
 *
 * <p>Connections to the mail server are kept open and reused, one per sending thread at most: an
 * SMTP session costs several round trips and the server a thread, which a connection per message
 * pays for every e-mail. A kept connection the server has closed meanwhile is replaced, and the
 * message sent on the new one.
 */
@Component
class EmailSender implements ChannelSender, DisposableBean {

  static final String NOTIFICATION_HEADER = "X-Crossdesk-Notification";

  /**
   * Jakarta Mail looks its stream provider up through the service loader whenever it encodes or
   * decodes a header word, which in an executable jar means scanning the nested jars: three
   * quarters of this service's CPU per e-mail with a non-ASCII subject, as profiled. Naming the
   * provider in its system property makes the look-up a class-name load. An installation that names
   * another provider keeps it.
   */
  static {
    if (System.getProperty(StreamProvider.class.getName()) == null) {
      System.setProperty(
          StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final JavaMailSenderImpl mail;
  private final String from;
  private final Queue<Transport> idle = new ConcurrentLinkedQueue<>();

  EmailSender(JavaMailSenderImpl mail, NotificationProperties properties) {
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
    message.saveChanges();
    Transport kept = idle.poll();
    if (kept != null) {
      try {
        kept.sendMessage(message, message.getAllRecipients());
        idle.offer(kept);
        return;
      } catch (MessagingException | IllegalStateException closedMeanwhile) {
        close(kept);
      }
    }
    Transport fresh = connect();
    try {
      fresh.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException | RuntimeException failed) {
      close(fresh);
      throw failed;
    }
    idle.offer(fresh);
  }

  private Transport connect() throws MessagingException {
    Transport transport = mail.getSession().getTransport(protocol());
    transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
    return transport;
  }

  private String protocol() {
    return mail.getProtocol() == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : mail.getProtocol();
  }

  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException alreadyGone) {
      // Nothing to release.
    }
  }

  @Override
  public void destroy() {
    Transport transport;
    while ((transport = idle.poll()) != null) {
      close(transport);
    }
  }
}
