package io.crossdesk.notification;

import io.crossdesk.testsupport.MessageSinks;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points every application context of the module's tests at the test mail server and SMS gateway
 * ({@link MessageSinks}), gives it a survey secret, and shortens the waits between tries and before
 * a survey.
 */
public class MessageSinksInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** The key the tests' survey links are signed with. */
  public static final String SURVEY_SECRET = "test-survey-secret-of-at-least-32-characters";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + MessageSinks.smtpPort(),
            "crossdesk.notifications.sms-url=" + MessageSinks.smsUrl(),
            "crossdesk.notifications.first-retry-delay=1s",
            "crossdesk.notifications.retry-multiplier=1",
            "crossdesk.notifications.max-tries=3",
            "crossdesk.notifications.circuit-open-for=1s",
            "crossdesk.notifications.feed.poll-every=200ms",
            "crossdesk.notifications.survey.secret=" + SURVEY_SECRET,
            "crossdesk.notifications.survey.after=1s")
        .applyTo(context);
  }
}
