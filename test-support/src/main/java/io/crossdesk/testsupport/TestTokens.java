package io.crossdesk.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signed tokens for tests, as the identity provider would mint them. */
public final class TestTokens {

  public static final String ISSUER = "crossdesk-local";

  /** The audience every Crossdesk component expects by default. */
  public static final String AUDIENCE = "crossdesk";

  private static final NimbusJwtEncoder ENCODER =
      new NimbusJwtEncoder(
          new ImmutableJWKSet<SecurityContext>(
              new JWKSet(
                  new RSAKey.Builder(TestKeys.get().publicKey())
                      .privateKey(TestKeys.get().privateKey())
                      .keyID("test")
                      .build())));

  private TestTokens() {}

  /** "Bearer ..." for {@code subject} with {@code roles} and any extra claims. */
  public static String bearer(String subject, List<String> roles, Map<String, Object> claims) {
    return "Bearer " + token(ISSUER, subject, roles, claims, Duration.ofHours(1));
  }

  public static String token(
      String issuer,
      String subject,
      List<String> roles,
      Map<String, Object> claims,
      Duration validFor) {
    return token(issuer, subject, roles, claims, Instant.now().minusSeconds(1), validFor);
  }

  /** A token issued at {@code issuedAt}: one issued long enough ago has expired. */
  public static String token(
      String issuer,
      String subject,
      List<String> roles,
      Map<String, Object> claims,
      Instant issuedAt,
      Duration validFor) {
    JwtClaimsSet.Builder builder =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .audience(List.of(AUDIENCE))
            .subject(subject)
            .issuedAt(issuedAt)
            .expiresAt(issuedAt.plus(validFor))
            .claim("roles", roles);
    claims.forEach(builder::claim);
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("test").build();
    return ENCODER.encode(JwtEncoderParameters.from(header, builder.build())).getTokenValue();
  }

  /** A valid token but for the audience, which names another application. */
  public static String forAudience(String audience, String subject, List<String> roles) {
    return token(ISSUER, subject, roles, Map.of("aud", List.of(audience)), Duration.ofHours(1));
  }

  /** A signed token whose validity starts in an hour ({@code nbf}). */
  public static String notYetValid(String subject, List<String> roles) {
    Instant later = Instant.now().plus(Duration.ofHours(1));
    return token(ISSUER, subject, roles, Map.of("nbf", later), later, Duration.ofHours(1));
  }

  /**
   * The claims of a valid token, unsigned: header {@code {"alg":"none"}} and an empty signature, as
   * an attacker would send to a server that trusts the header's algorithm.
   */
  public static String unsigned(String subject, List<String> roles) {
    String valid = token(ISSUER, subject, roles, Map.of(), Duration.ofHours(1));
    java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String header =
        base64.encodeToString(
            "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return header + "." + valid.split("\\.")[1] + ".";
  }

  /** A well-formed token signed by a key no Crossdesk component trusts. */
  public static String signedByAnotherKey(String subject, List<String> roles) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair foreign = generator.generateKeyPair();
      Instant now = Instant.now();
      JwtClaimsSet claims =
          JwtClaimsSet.builder()
              .issuer(ISSUER)
              .audience(List.of(AUDIENCE))
              .subject(subject)
              .issuedAt(now)
              .expiresAt(now.plus(Duration.ofHours(1)))
              .claim("roles", roles)
              .build();
      return NimbusJwtEncoder.withKeyPair(
              (RSAPublicKey) foreign.getPublic(), (RSAPrivateKey) foreign.getPrivate())
          .build()
          .encode(
              JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
          .getTokenValue();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String agent() {
    return bearer("agent-7", List.of("AGENT"), Map.of());
  }

  public static String customer(String customerId) {
    return bearer("customer-" + customerId, List.of("CUSTOMER"), Map.of("customerId", customerId));
  }

  public static String department(String department) {
    return bearer("staff-" + department, List.of("DEPARTMENT"), Map.of("department", department));
  }

  public static String supervisor() {
    return bearer("supervisor-1", List.of("SUPERVISOR"), Map.of());
  }

  public static String admin() {
    return bearer("admin-1", List.of("ADMIN"), Map.of());
  }
}
