package io.crossdesk.notification.log.application;

import io.crossdesk.notification.template.domain.Locales;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the customer and staff messages and their channels (docs/notifications.md,
 * "Channels").
 *
 * @param defaultLocale the locale of customers who stated none, and of staff messages
 * @param emailFrom the sender of e-mails
 * @param smsUrl the base URL of the HTTP SMS gateway (the built-in provider posts to {@code
 *     <smsUrl>/messages})
 * @param smsFrom the sender id SMS messages show
 * @param sendTimeout how long one try may take before it counts as failed
 * @param maxTries tries of one message before it fails for good
 * @param firstRetryDelay the wait after the first failed try; each further wait is {@code
 *     retryMultiplier} times longer, at most {@code maxRetryDelay}
 * @param maxConcurrentPerChannel messages in flight on one channel (its bulkhead)
 * @param senderThreads threads sending on all channels together
 * @param circuitOpenFor how long a channel's circuit stays open once half its recent tries failed
 * @param confirmWithin how long a resolved ticket waits for the customer's answer, as stated in the
 *     "resolved" message (ticket-service's SLA policy, seven days unless changed)
 * @param supervisors who hears of anomalies and of customers at risk without an account manager,
 *     besides the supervisors' feed: user names (their feed and their own channels), e-mail
 *     addresses or E.164 phone numbers, as escalation contacts are written
 */
@ConfigurationProperties("crossdesk.notifications")
public record NotificationProperties(
    @DefaultValue(Locales.EN_US) String defaultLocale,
    @DefaultValue("Crossdesk <desk@crossdesk.local>") String emailFrom,
    @DefaultValue("http://127.0.0.1:8026") String smsUrl,
    @DefaultValue("Crossdesk") String smsFrom,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("6") int maxTries,
    @DefaultValue("30s") Duration firstRetryDelay,
    @DefaultValue("4") double retryMultiplier,
    @DefaultValue("2h") Duration maxRetryDelay,
    @DefaultValue("8") int maxConcurrentPerChannel,
    @DefaultValue("16") int senderThreads,
    @DefaultValue("30s") Duration circuitOpenFor,
    @DefaultValue("7d") Duration confirmWithin,
    @DefaultValue List<String> supervisors) {

  public NotificationProperties {
    if (Locales.supported(defaultLocale).isEmpty()) {
      throw new IllegalArgumentException(
          "crossdesk.notifications.default-locale must be one of " + Locales.SUPPORTED);
    }
    defaultLocale = Locales.supported(defaultLocale).orElseThrow();
    if (maxTries < 1) {
      throw new IllegalArgumentException("crossdesk.notifications.max-tries is at least 1");
    }
  }
}
