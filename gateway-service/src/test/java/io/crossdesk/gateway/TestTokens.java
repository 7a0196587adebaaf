package io.crossdesk.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The gateway tests' tokens, raw (without "Bearer "), including broken ones no endpoint would mint;
 * signed with test-support's key pair, which {@link TestServices} configures the gateway to trust.
 */
public final class TestTokens {

  public static final String ISSUER = io.crossdesk.testsupport.TestTokens.ISSUER;

  private TestTokens() {}

  public static String valid(String subject, String... roles) {
    return signed(ISSUER, subject, List.of(roles), Duration.ofHours(1));
  }

  public static String expired(String subject) {
    return io.crossdesk.testsupport.TestTokens.token(
        ISSUER,
        subject,
        List.of("AGENT"),
        Map.of(),
        Instant.now().minus(Duration.ofHours(2)),
        Duration.ofHours(1));
  }

  public static String fromIssuer(String issuer, String subject) {
    return signed(issuer, subject, List.of("AGENT"), Duration.ofHours(1));
  }

  public static String signedByForeignKey(String subject) {
    return io.crossdesk.testsupport.TestTokens.signedByAnotherKey(subject, List.of("ADMIN"));
  }

  private static String signed(
      String issuer, String subject, List<String> roles, Duration validFor) {
    return io.crossdesk.testsupport.TestTokens.token(issuer, subject, roles, Map.of(), validFor);
  }
}
