package io.crossdesk.gateway.devtoken;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import io.crossdesk.security.RsaPemKeys;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs RS256 tokens with the local stack's private key, carrying the claims services read. */
class DevTokenMinter {

  private final JwtEncoder encoder;
  private final String keyId;
  private final String issuer;
  private final String audience;
  private final Duration ttl;
  private final Clock clock;

  DevTokenMinter(
      RSAPrivateKey privateKey, String issuer, String audience, Duration ttl, Clock clock) {
    RSAPublicKey publicKey = RsaPemKeys.publicKeyOf(privateKey);
    // The RFC 7638 thumbprint: stable for the key pair, so a JWK set published later matches.
    this.keyId = thumbprint(publicKey);
    this.encoder =
        NimbusJwtEncoder.withKeyPair(publicKey, privateKey)
            .jwkPostProcessor(jwk -> jwk.keyID(keyId))
            .build();
    this.issuer = issuer;
    this.audience = audience;
    this.ttl = ttl;
    this.clock = clock;
  }

  DevTokenResponse mint(DevTokenRequest request) {
    Instant now = clock.instant();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .audience(List.of(audience))
            .subject(request.sub())
            .claim("roles", request.roles())
            .issuedAt(now)
            .expiresAt(now.plus(ttl));
    if (request.department() != null && !request.department().isBlank()) {
      claims.claim("department", request.department());
    }
    if (request.customerId() != null && !request.customerId().isBlank()) {
      claims.claim("customerId", request.customerId());
    }
    if (request.scope() != null && !request.scope().isBlank()) {
      claims.claim("scope", request.scope().strip());
    }
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build();
    String token =
        encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    return new DevTokenResponse(token, "Bearer", ttl.toSeconds());
  }

  private static String thumbprint(RSAPublicKey publicKey) {
    try {
      return new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot compute the key id", e);
    }
  }
}
