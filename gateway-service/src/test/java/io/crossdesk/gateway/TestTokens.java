package io.crossdesk.gateway;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Tokens built directly, including the broken ones no endpoint would ever mint. */
public final class TestTokens {

  public static final String ISSUER = "crossdesk-local";

  private TestTokens() {}

  public static String valid(String subject, String... roles) {
    return sign(TestKeys.TRUSTED, ISSUER, subject, List.of(roles), Instant.now());
  }

  public static String expired(String subject) {
    return sign(
        TestKeys.TRUSTED,
        ISSUER,
        subject,
        List.of("AGENT"),
        Instant.now().minus(Duration.ofHours(2)));
  }

  public static String fromIssuer(String issuer, String subject) {
    return sign(TestKeys.TRUSTED, issuer, subject, List.of("AGENT"), Instant.now());
  }

  public static String signedByForeignKey(String subject) {
    return sign(TestKeys.FOREIGN, ISSUER, subject, List.of("ADMIN"), Instant.now());
  }

  private static String sign(
      KeyPair keys, String issuer, String subject, List<String> roles, Instant issuedAt) {
    NimbusJwtEncoder encoder =
        NimbusJwtEncoder.withKeyPair(TestKeys.publicKey(keys), TestKeys.privateKey(keys)).build();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .subject(subject)
            .claim("roles", roles)
            .issuedAt(issuedAt)
            .expiresAt(issuedAt.plus(Duration.ofHours(1)))
            .build();
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }
}
