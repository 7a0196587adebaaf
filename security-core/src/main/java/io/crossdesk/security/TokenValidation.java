package io.crossdesk.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** What makes a signed token valid, the same at the gateway and in every service. */
public final class TokenValidation {

  private TokenValidation() {}

  /**
   * Expiry and not-before (with the default clock skew) and the issuer, always; the audience, which
   * must name Crossdesk ({@code crossdesk.security.audience}; left blank, not checked), so a token
   * the identity provider issued for another application is refused; and a subject, because every
   * action is recorded against the caller, so a token must say who that is. An unsigned token
   * ({@code alg: none}) never gets this far: the decoders accept signed tokens only.
   */
  public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtValidators.createDefaultWithIssuer(properties.issuer()));
    if (properties.audience() != null && !properties.audience().isBlank()) {
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD,
              audience -> audience != null && audience.contains(properties.audience())));
    }
    validators.add(
        new JwtClaimValidator<String>(
            JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()));
    return new DelegatingOAuth2TokenValidator<>(validators);
  }
}
