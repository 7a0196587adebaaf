package io.crossdesk.gateway.access;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The first thing every request meets: it hands the request's W3C trace ({@code traceparent}) on to
 * the service and back to the caller, and writes one access-log line when the answer is complete:
 * method, path, status, time taken, the caller (token subject, once validated) and the trace id,
 * which the services' own log lines and events carry too. The trace is the server span Spring's
 * observation opened for the request, continuing the caller's trace when it sent a valid {@code
 * traceparent}. Logger {@code io.crossdesk.gateway.access}; {@code
 * crossdesk.gateway.access-log=false} turns it off.
 */
@Component
@ConditionalOnBooleanProperty(name = "crossdesk.gateway.access-log", matchIfMissing = true)
public class AccessLogFilter implements WebFilter, Ordered {

  /** Before the body limits (-200) and security (-100), so every answer is logged. */
  static final int ORDER = -300;

  /** Where filters that know the caller put the token's subject, for the log line. */
  public static final String CALLER_ATTR = AccessLogFilter.class.getName() + ".caller";

  static final String TRACEPARENT = "traceparent";

  private static final Logger log = LoggerFactory.getLogger("io.crossdesk.gateway.access");

  private final Propagator propagator;

  public AccessLogFilter(ObjectProvider<Propagator> propagator) {
    this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long started = System.nanoTime();
    ServerHttpRequest request = exchange.getRequest();
    String traceparent = traceparent(exchange);
    // The service continues the gateway's span, not the caller's: one hop of the trace each.
    ServerWebExchange traced =
        traceparent == null
            ? exchange
            : exchange
                .mutate()
                .request(request.mutate().headers(h -> h.set(TRACEPARENT, traceparent)).build())
                .build();
    // Set as the answer is committed: a service's own traceparent, copied from the routed answer,
    // would otherwise be a second value of the header.
    traced
        .getResponse()
        .beforeCommit(
            () -> {
              if (traceparent == null) {
                traced.getResponse().getHeaders().remove(TRACEPARENT);
              } else {
                traced.getResponse().getHeaders().set(TRACEPARENT, traceparent);
              }
              return Mono.empty();
            });
    return chain
        .filter(traced)
        .doFinally(
            signal -> {
              HttpStatusCode status = traced.getResponse().getStatusCode();
              log.info(
                  "{} {} {} {} ms caller={} trace={}",
                  request.getMethod(),
                  request.getPath().value(),
                  status == null ? "-" : status.value(),
                  (System.nanoTime() - started) / 1_000_000,
                  traced.getAttributeOrDefault(CALLER_ATTR, "-"),
                  traceparent == null ? "-" : traceparent.substring(3, 35));
            });
  }

  /** The request's server span as a traceparent, or null when tracing is off. */
  private String traceparent(ServerWebExchange exchange) {
    Span span =
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
            .map(
                context -> {
                  TracingObservationHandler.TracingContext tracing =
                      context.get(TracingObservationHandler.TracingContext.class);
                  return tracing == null ? null : tracing.getSpan();
                })
            .orElse(null);
    if (span == null) {
      return null;
    }
    String[] traceparent = new String[1];
    propagator.inject(
        span.context(),
        traceparent,
        (carrier, key, value) -> {
          if (TRACEPARENT.equals(key)) {
            carrier[0] = value;
          }
        });
    return traceparent[0];
  }
}
