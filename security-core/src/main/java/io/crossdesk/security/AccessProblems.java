package io.crossdesk.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * What a refused caller hears, the same from the gateway and from every service: the detail of the
 * 401 or 403 problem and, for a 401, the {@code WWW-Authenticate} header, which says (RFC 6750)
 * whether the token was missing or rejected, so a caller can tell an expired token from a missing
 * one.
 */
public final class AccessProblems {

  public static final String FORBIDDEN = "Your roles do not allow this request.";

  private AccessProblems() {}

  /** A token was sent and refused (bad signature, expired, wrong issuer or audience...). */
  public static boolean rejected(AuthenticationException exception) {
    return exception instanceof OAuth2AuthenticationException;
  }

  public static String unauthorized(AuthenticationException exception) {
    return rejected(exception)
        ? "The bearer token was rejected: " + exception.getMessage()
        : "A valid bearer token is required.";
  }

  public static String wwwAuthenticate(AuthenticationException exception) {
    return rejected(exception) ? "Bearer error=\"invalid_token\"" : "Bearer";
  }
}
