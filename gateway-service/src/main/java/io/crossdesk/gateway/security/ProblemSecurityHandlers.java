package io.crossdesk.gateway.security;

import io.crossdesk.gateway.ProblemWriter;
import io.crossdesk.security.AccessProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
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
    exchange
        .getResponse()
        .getHeaders()
        .set(HttpHeaders.WWW_AUTHENTICATE, AccessProblems.wwwAuthenticate(exception));
    return problems.write(
        exchange, HttpStatus.UNAUTHORIZED, AccessProblems.unauthorized(exception));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return problems.write(exchange, HttpStatus.FORBIDDEN, AccessProblems.FORBIDDEN);
  }
}
