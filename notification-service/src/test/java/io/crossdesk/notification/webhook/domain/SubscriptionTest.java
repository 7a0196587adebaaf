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
  private static final String STATUS_CHANGED = "crossdesk.ticket.status-changed.v1";

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

    assertThat(subscription.wants("crossdesk.ticket.resolved.v1", "billing", null)).isTrue();
    assertThat(subscription.wants("crossdesk.ticket.resolved.v1", null, "crm")).isTrue();
    assertThat(subscription.wants("crossdesk.ticket.resolved.v1", "network", null)).isFalse();
    assertThat(subscription.wants("crossdesk.ticket.opened.v1", "billing", null)).isFalse();
    assertThat(
            subscription
                .edit(null, null, null, null, false, NOW)
                .wants("crossdesk.ticket.resolved.v1", "billing", null))
        .isFalse();
    assertThat(subscription.format()).isEqualTo(PayloadFormat.CLOUDEVENTS);
  }

  @Test
  void a_listener_of_a_system_that_may_not_see_every_ticket_hears_only_of_those_it_opened() {
    Subscription own = listener(false);
    Subscription all = listener(true);

    assertThat(own.wants(STATUS_CHANGED, null, "crm")).isTrue();
    assertThat(own.wants(STATUS_CHANGED, null, "erp")).isFalse();
    assertThat(own.wants(STATUS_CHANGED, null, null)).as("opened by a person").isFalse();
    assertThat(own.takes(STATUS_CHANGED)).as("whatever the ticket").isTrue();
    assertThat(all.wants(STATUS_CHANGED, null, "erp")).isTrue();
    assertThat(all.wants(STATUS_CHANGED, null, null)).isTrue();
    assertThat(own.format()).isEqualTo(PayloadFormat.TMF621);
    assertThat(own.edit("https://crm.example.com/other", null, null, null, null, NOW).query())
        .isEqualTo("eventType=TroubleTicketStatusChangeEvent");
  }

  private static Subscription listener(boolean allTickets) {
    return Subscription.tmf621Listener(
        "L-1",
        "https://crm.example.com/tmf",
        Set.of(STATUS_CHANGED),
        "eventType=TroubleTicketStatusChangeEvent",
        allTickets,
        FIRST,
        NOW,
        "crm");
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
