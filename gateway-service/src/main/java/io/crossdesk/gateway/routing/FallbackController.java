package io.crossdesk.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where an open circuit, a refused connection, a time-out, a failing answer or a full gateway ends
 * up. Reached only by the gateway's internal forward; the security configuration refuses it from
 * outside.
 */
@RestController
class FallbackController {

  /**
   * How long a service that is down or not answering is left alone: the time its breaker stays open
   * once it opens, so a client that waits this long finds the gateway trying it again.
   */
  private final long downRetryAfterSeconds;

  FallbackController(
      @Value("${resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state:10s}")
          Duration openState) {
    this.downRetryAfterSeconds = Math.max(1, openState.toSeconds());
  }

  static final String PATH_PREFIX = "/fallback";
  static final String FORWARD = "forward:" + PATH_PREFIX + "/";

  /** A full bulkhead or pool frees up as soon as calls in flight finish. */
  static final long BUSY_RETRY_AFTER_SECONDS = 1;

  /**
   * The forward rewrites the request path and the retry filter clears the gateway's record of the
   * original URL, so each route remembers the caller's path here for the problem's instance.
   */
  static final String REQUEST_PATH_ATTR = FallbackController.class.getName() + ".requestPath";

  static GatewayFilter rememberRequestPath() {
    return (exchange, chain) -> {
      exchange.getAttributes().put(REQUEST_PATH_ATTR, exchange.getRequest().getPath().value());
      return chain.filter(exchange);
    };
  }

  @RequestMapping(PATH_PREFIX + "/{service}")
  ResponseEntity<ProblemDetail> unavailable(
      @PathVariable String service, ServerWebExchange exchange) {
    Throwable cause =
        exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    if (GatewayOverload.isOverload(cause)) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(BUSY_RETRY_AFTER_SECONDS))
          .body(
              problem(
                  HttpStatus.SERVICE_UNAVAILABLE,
                  service,
                  service + " is busy; retry in " + BUSY_RETRY_AFTER_SECONDS + " s.",
                  exchange));
    }
    if (cause instanceof HttpStatusCodeException failed) {
      // The service answered with a failure status: keep its status, so a 500 stays a 500.
      HttpStatusCode status = failed.getStatusCode();
      return ResponseEntity.status(status)
          .body(
              problem(
                  status,
                  service,
                  service + " failed with status " + status.value() + "; try again later.",
                  exchange));
    }
    String detail =
        timedOut(cause)
            ? service + " did not answer in time; try again later."
            : service + " is unavailable; try again later.";
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(downRetryAfterSeconds))
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, service, detail, exchange));
  }

  private static ProblemDetail problem(
      HttpStatusCode status, String service, String detail, ServerWebExchange exchange) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("service", service);
    String requestPath = exchange.getAttribute(REQUEST_PATH_ATTR);
    if (requestPath != null) {
      problem.setInstance(URI.create(requestPath));
    }
    return problem;
  }

  private static boolean timedOut(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
