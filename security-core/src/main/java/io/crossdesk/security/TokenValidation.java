package io.crossdesk.security;

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
   * Expiry and not-before (with the default clock skew) and the issuer, always; and a subject,
   * because every action is recorded against the caller, so a token must say who that is.
   */
  public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
    return new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(properties.issuer()),
        new JwtClaimValidator<String>(
            JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()));
  }
}
