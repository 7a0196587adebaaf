package io.crossdesk.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * How tokens are validated, by the gateway and every service alike, so one setting serves the whole
 * system. Either a JWK set URI (an identity provider) or a PEM public key; the issuer is always
 * checked.
 *
 * @param issuer the expected {@code iss} claim
 * @param jwkSetUri where the signing keys are published; takes precedence over the public key
 * @param publicKeyLocation an RSA public key in PEM (X.509 SubjectPublicKeyInfo)
 * @param openPaths paths answered without a token, because the request carries a credential of its
 *     own (the signed link of a satisfaction survey, {@code /api/surveys/**})
 */
@ConfigurationProperties("crossdesk.security")
public record SecurityProperties(
    @DefaultValue("crossdesk-local") String issuer,
    @DefaultValue("crossdesk") String audience,
    String jwkSetUri,
    Resource publicKeyLocation,
    @DefaultValue List<String> openPaths) {

  public boolean hasJwkSetUri() {
    return jwkSetUri != null && !jwkSetUri.isBlank();
  }

  /** The public key tokens are signed with, when no JWK set URI is given. */
  public java.security.interfaces.RSAPublicKey publicKey() {
    if (publicKeyLocation == null) {
      throw new IllegalStateException(
          "Set crossdesk.security.jwk-set-uri or crossdesk.security.public-key-location");
    }
    return RsaPemKeys.publicKey(publicKeyLocation);
  }
}
