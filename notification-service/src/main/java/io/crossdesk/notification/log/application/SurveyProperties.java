package io.crossdesk.notification.log.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The satisfaction survey's settings (docs/notifications.md, "Satisfaction survey").
 *
 * @param after how long after a resolution the survey is sent, at most three days
 * @param validFor how long its link can be answered
 * @param secret the key survey links are signed with, at least 32 characters, the same on every
 *     instance; no default, so that no installation signs with a published one
 * @param linkBase what the link starts with: the address customers reach the survey API at through
 *     the gateway, followed by the token
 */
@ConfigurationProperties("crossdesk.notifications.survey")
public record SurveyProperties(
    @DefaultValue("24h") Duration after,
    @DefaultValue("14d") Duration validFor,
    String secret,
    @DefaultValue("http://127.0.0.1:8080/api/surveys/") String linkBase) {

  static final Duration LONGEST_WAIT = Duration.ofDays(3);

  public SurveyProperties {
    if (after.isNegative() || after.compareTo(LONGEST_WAIT) > 0) {
      throw new IllegalArgumentException(
          "crossdesk.notifications.survey.after must be between 0 and 3 days");
    }
  }
}
