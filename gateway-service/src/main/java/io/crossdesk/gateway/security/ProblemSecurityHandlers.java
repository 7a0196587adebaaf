package io.crossdesk.gateway.security;

import io.crossdesk.gateway.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 as RFC 9457 problem details, like every other error the system answers. */
@Component
class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  private final ProblemWriter problems;

  ProblemSecurityHandlers(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
    // RFC 6750: say whether the token was missing or rejected, and why, so callers can tell an
    // expired token from a forged one.
    boolean rejected = exception instanceof OAuth2AuthenticationException;
    exchange
        .getResponse()
        .getHeaders()
        .set(HttpHeaders.WWW_AUTHENTICATE, rejected ? "Bearer error=\"invalid_token\"" : "Bearer");
    String detail =
        rejected
            ? "The bearer token was rejected: " + exception.getMessage()
            : "A valid bearer token is required.";
    return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return problems.write(exchange, HttpStatus.FORBIDDEN, "Your roles do not allow this request.");
  }
}
