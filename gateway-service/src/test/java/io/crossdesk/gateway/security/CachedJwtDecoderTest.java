package io.crossdesk.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class CachedJwtDecoderTest {

  private static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final List<String> validated = new ArrayList<>();

  /** Accepts tokens named "valid-<minutes until expiry>", rejects every other one. */
  private final ReactiveJwtDecoder validator =
      token -> {
        validated.add(token);
        if (!token.startsWith("valid-")) {
          return Mono.error(new BadJwtException("signature does not match"));
        }
        long minutes = Long.parseLong(token.substring("valid-".length()));
        Instant now = clock.instant();
        return Mono.just(
            Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("agent-7")
                .issuedAt(now.minus(Duration.ofHours(1)))
                .expiresAt(now.plus(Duration.ofMinutes(minutes)))
                .build());
      };

  private final CachedJwtDecoder decoder =
      new CachedJwtDecoder(validator, 100, MAX_AGE, clock, () -> clock.millis() * 1_000_000);

  @Test
  void aTokenIsValidatedOnceAndThenRecognised() {
    Jwt first = decoder.decode("valid-60").block();
    Jwt again = decoder.decode("valid-60").block();

    assertThat(again).isSameAs(first);
    assertThat(validated).containsExactly("valid-60");
  }

  @Test
  void aRejectedTokenIsRejectedEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> decoder.decode("forged").block())
          .isInstanceOf(BadJwtException.class);
    }

    assertThat(validated).containsExactly("forged", "forged");
  }

  @Test
  void aTokenIsValidatedAgainOnceItHasExpired() {
    decoder.decode("valid-2").block();
    clock.advance(Duration.ofMinutes(2).plusSeconds(1));

    decoder.decode("valid-2").block();

    assertThat(validated).containsExactly("valid-2", "valid-2");
  }

  @Test
  void aLongLivedTokenIsValidatedAgainAfterTheMaximumAge() {
    decoder.decode("valid-480").block();
    clock.advance(MAX_AGE.minusSeconds(1));
    decoder.decode("valid-480").block();
    clock.advance(Duration.ofSeconds(2));

    decoder.decode("valid-480").block();

    assertThat(validated).containsExactly("valid-480", "valid-480");
  }

  @Test
  void aTokenAcceptedWithinTheClockSkewAfterItsExpiryIsNeverRemembered() {
    decoder.decode("valid--1").block();
    decoder.decode("valid--1").block();

    assertThat(validated).containsExactly("valid--1", "valid--1");
  }
}
