package io.crossdesk.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  @Test
  void a_key_is_one_to_255_visible_ascii_characters() {
    assertThat(IdempotencyKey.whyInvalid(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
        .isEmpty();
    assertThat(IdempotencyKey.whyInvalid(List.of("\"quoted:as/the~draft!shows\""))).isEmpty();
    assertThat(IdempotencyKey.whyInvalid(List.of("k".repeat(255)))).isEmpty();

    assertThat(IdempotencyKey.whyInvalid(List.of(""))).isPresent();
    assertThat(IdempotencyKey.whyInvalid(List.of("k".repeat(256)))).isPresent();
    assertThat(IdempotencyKey.whyInvalid(List.of("two words"))).isPresent();
    assertThat(IdempotencyKey.whyInvalid(List.of("bell\u0007"))).isPresent();
    assertThat(IdempotencyKey.whyInvalid(List.of("del\u007f"))).isPresent();
    assertThat(IdempotencyKey.whyInvalid(List.of("caf\u00e9"))).isPresent();
    assertThat(IdempotencyKey.whyInvalid(List.of("one", "two"))).isPresent();
  }

  @Test
  void a_scope_cannot_be_forged_by_moving_text_between_its_parts() {
    assertThat(IdempotencyKey.scoped("agent-7", "POST", "/orders", "k"))
        .isEqualTo(IdempotencyKey.scoped("agent-7", "POST", "/orders", "k"))
        .isNotEqualTo(IdempotencyKey.scoped("agent-7\n1:", "POST", "/orders", "k"))
        .isNotEqualTo(IdempotencyKey.scoped("agent-8", "POST", "/orders", "k"))
        .isNotEqualTo(IdempotencyKey.scoped("agent-7", "POST", "/tickets", "k"));
  }

  @Test
  void a_fingerprint_covers_the_query_and_every_body_byte() {
    byte[] body = "{\"item\":\"tea\"}".getBytes(StandardCharsets.UTF_8);
    String fingerprint = IdempotencyKey.fingerprint("POST", "/orders", body);

    assertThat(IdempotencyKey.fingerprint("POST", "/orders", body.clone())).isEqualTo(fingerprint);
    assertThat(IdempotencyKey.fingerprint("POST", "/orders?dryRun=true", body))
        .isNotEqualTo(fingerprint);
    assertThat(
            IdempotencyKey.fingerprint(
                "POST", "/orders", "{\"item\": \"tea\"}".getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(fingerprint);
  }
}
