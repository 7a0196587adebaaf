package io.crossdesk.gateway.access;

import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** After security (-100): notes the validated token's subject for the access-log line. */
@Component
@ConditionalOnBooleanProperty(name = "crossdesk.gateway.access-log", matchIfMissing = true)
class CallerFilter implements WebFilter, Ordered {

  @Override
  public int getOrder() {
    return -50;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return exchange
        .getPrincipal()
        .map(Principal::getName)
        .doOnNext(subject -> exchange.getAttributes().put(AccessLogFilter.CALLER_ATTR, subject))
        .then(chain.filter(exchange));
  }
}
