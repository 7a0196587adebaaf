package io.crossdesk.notification.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures, checked by the Standard Webhooks reference library rather than by our code. */
class WebhookSignatureTest {

  private static final String BODY =
      "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"type\":\"crossdesk.ticket.opened.v1\","
          + "\"data\":{\"ticketId\":\"T-1\",\"title\":\"Kein Netz — 无信号\"}}";

  @Test
  void a_delivery_signed_with_the_subscription_secret_verifies_with_the_reference_library() {
    WebhookSecret secret = WebhookSecret.generate();
    long now = Instant.now().getEpochSecond();

    String signature = WebhookSignature.of("e-1", now, BODY, List.of(secret));

    assertThat(signature).startsWith("v1,").doesNotContain(" ");
    assertThatCode(() -> new Webhook(secret.value()).verify(BODY, headers("e-1", now, signature)))
        .doesNotThrowAnyException();
  }

  @Test
  void during_a_rotation_each_secret_verifies_its_own_signature() {
    WebhookSecret old = WebhookSecret.generate();
    WebhookSecret fresh = WebhookSecret.generate();
    long now = Instant.now().getEpochSecond();

    String signature = WebhookSignature.of("e-2", now, BODY, List.of(old, fresh));

    assertThat(signature.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
    assertThatCode(() -> new Webhook(old.value()).verify(BODY, headers("e-2", now, signature)))
        .doesNotThrowAnyException();
    assertThatCode(() -> new Webhook(fresh.value()).verify(BODY, headers("e-2", now, signature)))
        .doesNotThrowAnyException();
  }

  @Test
  void a_tampered_body_or_another_secret_does_not_verify() {
    WebhookSecret secret = WebhookSecret.generate();
    long now = Instant.now().getEpochSecond();
    String signature = WebhookSignature.of("e-3", now, BODY, List.of(secret));

    assertThatThrownBy(
            () ->
                new Webhook(secret.value())
                    .verify(BODY.replace("T-1", "T-2"), headers("e-3", now, signature)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(
            () ->
                new Webhook(WebhookSecret.generate().value())
                    .verify(BODY, headers("e-3", now, signature)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void generated_secrets_are_whsec_prefixed_base64_of_enough_random_bytes() {
    WebhookSecret one = WebhookSecret.generate();

    assertThat(one.value()).startsWith("whsec_");
    assertThat(one.key()).hasSizeBetween(24, 64);
    assertThat(one).isNotEqualTo(WebhookSecret.generate());
    assertThat(one.toString()).doesNotContain(one.value().substring(6));
  }

  private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
    return Map.of(
        "webhook-id", List.of(id),
        "webhook-timestamp", List.of(Long.toString(timestamp)),
        "webhook-signature", List.of(signature));
  }
}
