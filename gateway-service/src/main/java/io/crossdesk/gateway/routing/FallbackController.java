package io.crossdesk.gateway.routing;

import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where an open circuit, a refused connection or a time-out ends up. Reached only by the gateway's
 * internal forward; the security configuration refuses it from outside.
 */
@RestController
class FallbackController {

  static final String PATH_PREFIX = "/fallback";
  static final String FORWARD = "forward:" + PATH_PREFIX + "/";

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
  ProblemDetail unavailable(@PathVariable String service, ServerWebExchange exchange) {
    String detail =
        timedOut(exchange)
            ? service + " did not answer in time; try again later."
            : service + " is unavailable; try again later.";
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    problem.setProperty("service", service);
    String requestPath = exchange.getAttribute(REQUEST_PATH_ATTR);
    if (requestPath != null) {
      problem.setInstance(URI.create(requestPath));
    }
    return problem;
  }

  private static boolean timedOut(ServerWebExchange exchange) {
    Throwable cause =
        exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
