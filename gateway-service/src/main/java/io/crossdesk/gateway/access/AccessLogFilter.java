package io.crossdesk.gateway.access;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The first thing every request meets: it continues the caller's W3C trace ({@code traceparent}) or
 * starts one, sends it on to the service and back to the caller, and writes one access-log line
 * when the answer is complete: method, path, status, time taken, the caller (token subject, once
 * validated) and the trace id, which the services' own log lines and events carry too. Logger
 * {@code io.crossdesk.gateway.access}; {@code crossdesk.gateway.access-log=false} turns it off.
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
  private static final Pattern VALID =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long started = System.nanoTime();
    ServerHttpRequest request = exchange.getRequest();
    String incoming = request.getHeaders().getFirst(TRACEPARENT);
    String traceparent =
        incoming != null && VALID.matcher(incoming).matches() ? incoming : newTraceparent();
    ServerWebExchange traced =
        incoming == traceparent
            ? exchange
            : exchange
                .mutate()
                .request(request.mutate().headers(h -> h.set(TRACEPARENT, traceparent)).build())
                .build();
    // Set again as the answer is committed: a service's own traceparent, copied from the routed
    // answer, would otherwise be a second value of the header.
    traced
        .getResponse()
        .beforeCommit(
            () -> {
              traced.getResponse().getHeaders().set(TRACEPARENT, traceparent);
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
                  traceparent.substring(3, 35));
            });
  }

  /** {@code 00-<trace id>-<parent id>-01}: a new sampled trace. */
  static String newTraceparent() {
    byte[] ids = new byte[24];
    RANDOM.nextBytes(ids);
    String hex = HexFormat.of().formatHex(ids);
    return "00-" + hex.substring(0, 32) + "-" + hex.substring(32) + "-01";
  }
}
