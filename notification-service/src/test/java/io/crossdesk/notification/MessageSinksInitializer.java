package io.crossdesk.notification;

import io.crossdesk.testsupport.MessageSinks;
import java.util.Map;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points every application context of the module's tests at the test mail server and SMS gateway
 * ({@link MessageSinks}), and shortens the waits between tries.
 */
public class MessageSinksInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", Integer.toString(MessageSinks.smtpPort()),
                "crossdesk.notifications.sms-url", MessageSinks.smsUrl(),
                "crossdesk.notifications.first-retry-delay", "1s",
                "crossdesk.notifications.retry-multiplier", "1",
                "crossdesk.notifications.max-tries", "3",
                "crossdesk.notifications.circuit-open-for", "1s",
                "crossdesk.notifications.feed.poll-every", "200ms"))
        .applyTo(context);
  }
}
