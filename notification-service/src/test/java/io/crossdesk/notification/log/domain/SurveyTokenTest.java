package io.crossdesk.notification.log.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyTokenTest {

  private static final Instant NOW = Instant.parse("2026-03-04T09:15:00Z");
  private final SurveyToken tokens = new SurveyToken("a-secret-of-at-least-thirty-two-characters");

  @Test
  void a_signed_token_names_its_survey_until_it_expires() {
    String token = tokens.sign("T-1:2", NOW.plus(Duration.ofDays(14)));

    assertThat(tokens.verify(token, NOW)).isEqualTo("T-1:2");
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[0-9]+\\.[A-Za-z0-9_-]+");
  }

  @Test
  void an_expired_token_is_refused() {
    String token = tokens.sign("T-1:2", NOW);

    assertThatThrownBy(() -> tokens.verify(token, NOW))
        .isInstanceOf(InvalidSurveyAnswerException.class)
        .hasMessage("has expired");
  }

  @Test
  void a_token_signed_with_another_secret_or_altered_is_refused() {
    Instant later = NOW.plus(Duration.ofDays(1));
    String other =
        new SurveyToken("another-secret-of-at-least-thirty-two-chars").sign("T-1:2", later);
    String longer =
        tokens.sign("T-1:2", later).replace("." + later.getEpochSecond() + ".", ".9999999999.");

    for (String forged : new String[] {other, longer, "not-a-token", "a.b.c", ""}) {
      assertThatThrownBy(() -> tokens.verify(forged, NOW))
          .as(forged)
          .isInstanceOf(InvalidSurveyAnswerException.class)
          .satisfies(
              e -> assertThat(((InvalidSurveyAnswerException) e).field()).isEqualTo("token"));
    }
  }

  @Test
  void a_short_secret_is_refused_at_start_up() {
    assertThatThrownBy(() -> new SurveyToken("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 characters");
  }
}
