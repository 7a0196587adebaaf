package io.crossdesk.notification.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private static final Instant NOW = Instant.parse("2025-03-04T09:00:00Z");
  private static final WebhookSecret FIRST = WebhookSecret.generate();

  private static Subscription subscription() {
    return Subscription.create(
        "S-1",
        "https://erp.example.com/hooks",
        Set.of("crossdesk.ticket.resolved.v1"),
        Set.of("billing"),
        "ERP",
        true,
        FIRST,
        NOW,
        "admin-1");
  }

  @Test
  void wants_its_event_types_of_its_departments_and_events_that_carry_no_department() {
    Subscription subscription = subscription();

    assertThat(subscription.wants("crossdesk.ticket.resolved.v1", "billing")).isTrue();
    assertThat(subscription.wants("crossdesk.ticket.resolved.v1", null)).isTrue();
    assertThat(subscription.wants("crossdesk.ticket.resolved.v1", "network")).isFalse();
    assertThat(subscription.wants("crossdesk.ticket.opened.v1", "billing")).isFalse();
    assertThat(
            subscription
                .edit(null, null, null, null, false, NOW)
                .wants("crossdesk.ticket.resolved.v1", "billing"))
        .isFalse();
  }

  @Test
  void a_rotation_signs_with_both_secrets_until_the_old_one_expires_or_is_removed() {
    WebhookSecret second = WebhookSecret.generate();
    Subscription rotated = subscription().rotate(second, NOW, Duration.ofHours(24));

    assertThat(rotated.activeSecrets(NOW.plusSeconds(60))).containsExactly(FIRST, second);
    assertThat(rotated.activeSecrets(NOW.plus(Duration.ofHours(24)))).containsExactly(second);
    assertThat(rotated.withoutSecret(1, NOW).activeSecrets(NOW)).containsExactly(second);
    assertThat(rotated.newestSecret().number()).isEqualTo(2);
  }

  @Test
  void keeps_at_most_two_active_secrets_and_never_none() {
    Subscription rotated =
        subscription().rotate(WebhookSecret.generate(), NOW, Duration.ofHours(24));

    assertThatThrownBy(() -> rotated.rotate(WebhookSecret.generate(), NOW, Duration.ofHours(1)))
        .isInstanceOf(SecretRotationException.class);
    assertThatThrownBy(() -> subscription().withoutSecret(1, NOW))
        .isInstanceOf(SecretRotationException.class);
    assertThatThrownBy(() -> subscription().withoutSecret(7, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void is_disabled_after_enough_deliveries_in_a_row_were_given_up_and_a_success_resets_the_run() {
    Subscription once = subscription().deliveryGivenUp(2, NOW);
    assertThat(once.enabled()).isTrue();
    assertThat(once.deliverySucceeded().deliveryGivenUp(2, NOW).enabled()).isTrue();

    Subscription twice = once.deliveryGivenUp(2, NOW);
    assertThat(twice.enabled()).isFalse();
    assertThat(twice.disabledReason()).contains("2 deliveries in a row");
    assertThat(twice.disabledAt()).isEqualTo(NOW);

    Subscription enabledAgain = twice.edit(null, null, null, null, true, NOW);
    assertThat(enabledAgain.enabled()).isTrue();
    assertThat(enabledAgain.consecutiveGiveUps()).isZero();
    assertThat(enabledAgain.disabledReason()).isNull();
  }
}
