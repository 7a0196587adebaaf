package io.crossdesk.gateway.routing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * One route per service. Each has its own circuit breaker and time limiter, named after the service
 * so {@code resilience4j.circuitbreaker.instances.<service>.*} and {@code
 * resilience4j.timelimiter.instances.<service>.*} tune it (and its bulkhead, {@code
 * resilience4j.bulkhead.instances.<service>.*}); the fallback answers problem details instead of a
 * bare gateway error.
 *
 * <p>The Authorization header is forwarded untouched: every service validates the token again, so
 * nothing is reachable around the gateway without one.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

  /**
   * Answers that mean the service is failing, and count against its breaker like a refused
   * connection or a time-out. Every other answer counts as a success: a 4xx (400, 404, 409, 422...)
   * is the caller's mistake or a business outcome. So is a 503: a service answers it on purpose,
   * with Retry-After, when something it depends on is down (ticket-service when it cannot confirm a
   * customer); it passes through untouched, and opening the breaker would spread that outage over
   * every other request the service can still serve.
   */
  static final Set<String> FAILURE_STATUSES = Set.of("500", "502", "504");

  static final Set<HttpMethod> RETRIED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  /**
   * Headers that some proxies and frameworks take as the caller's identity. Crossdesk's services
   * read identity from the validated token alone, but a header a client set must never look as if
   * the gateway vouched for it, to them or to anything added behind the gateway later: the gateway
   * removes them from every request it forwards.
   */
  static final List<String> IDENTITY_HEADERS =
      List.of(
          "X-User",
          "X-User-Id",
          "X-User-Roles",
          "X-Roles",
          "X-Remote-User",
          "Remote-User",
          "X-Forwarded-User",
          "X-Forwarded-Email",
          "X-Auth-Request-User",
          "X-Auth-Request-Email",
          "X-Authenticated-User",
          "X-Authenticated-Userid",
          "X-Customer-Id",
          "X-Department",
          "X-Crossdesk-Caller");

  /** A service and the path prefixes it owns. */
  record ServiceRoute(String service, URI uri, List<String> paths) {}

  static List<ServiceRoute> routes(ServiceUris uris) {
    return List.of(
        new ServiceRoute("customer-service", uris.customerUri(), List.of("/api/customers/**")),
        new ServiceRoute(
            "ticket-service",
            uris.ticketUri(),
            List.of("/api/tickets/**", "/tmf-api/troubleTicket/v4/troubleTicket/**")),
        new ServiceRoute(
            "workorder-service",
            uris.workorderUri(),
            List.of(
                "/api/workorders/**",
                "/api/routing-rules/**",
                "/api/flow-templates/**",
                "/api/departments/**",
                "/api/routing-configuration/**")),
        new ServiceRoute(
            "notification-service",
            uris.notificationUri(),
            List.of(
                "/api/notifications/**",
                "/api/webhooks/**",
                "/api/surveys/**",
                "/tmf-api/troubleTicket/v4/hub/**")),
        new ServiceRoute(
            "analytics-service",
            uris.analyticsUri(),
            List.of("/api/analytics/**", "/wallboard", "/wallboard/**")));
  }

  @Bean
  RouteLocator serviceRouteLocator(
      RouteLocatorBuilder builder,
      ServiceUris uris,
      SpringCloudCircuitBreakerFilterFactory breakers,
      RetryGatewayFilterFactory retries) {
    Guards guards = new Guards(breakers, retries);
    RouteLocatorBuilder.Builder routes = builder.routes();
    for (ServiceRoute route : routes(uris)) {
      routes.route(
          route.service(),
          spec ->
              spec.path(route.paths().toArray(String[]::new))
                  .filters(filters -> guards.guard(filters, route.service()))
                  .uri(route.uri()));
    }
    for (ServiceRoute route : routes(uris)) {
      // Each service's operations API (stuck work), at /api/admin/<service>/...
      String admin = "/api/admin/" + route.service();
      routes.route(
          route.service() + "-admin",
          spec ->
              spec.path(admin + "/**")
                  .filters(
                      filters ->
                          guards
                              .guard(filters, route.service())
                              .rewritePath(admin + "/(?<rest>.*)", "/api/admin/${rest}"))
                  .uri(route.uri()));
      // Each service's OpenAPI document, at /v3/api-docs/<service>.
      routes.route(
          route.service() + "-api-docs",
          spec ->
              spec.path("/v3/api-docs/" + route.service())
                  .filters(
                      filters -> guards.guard(filters, route.service()).setPath("/v3/api-docs"))
                  .uri(route.uri()));
    }
    return routes.build();
  }

  /**
   * The filters every route to a service shares. The breaker and the retry are built from their
   * factories directly rather than through the route builder, which would hand them the route's id:
   * for a route with an id, both factories make the gateway read every request body into memory
   * before forwarding it, so that it could be sent again. Neither needs that here: only bodiless
   * reads are retried, and the fallback never reads the body.
   */
  private record Guards(
      SpringCloudCircuitBreakerFilterFactory breakers, RetryGatewayFilterFactory retries) {

    GatewayFilterSpec guard(GatewayFilterSpec filters, String service) {
      return filters
          .filter(withoutIdentityHeaders())
          .filter(FallbackController.rememberRequestPath())
          .filter(breaker(service))
          // Retries run inside the circuit breaker, so its time limit bounds them.
          .filter(retryReads())
          // The gateway answers CORS; should a service add the headers too, browsers would reject
          // the doubled values.
          .dedupeResponseHeader(
              "Access-Control-Allow-Origin Access-Control-Allow-Credentials", "RETAIN_FIRST");
    }

    /** One pass over the request's headers; the request is rebuilt only when it carries one. */
    private static GatewayFilter withoutIdentityHeaders() {
      return (exchange, chain) -> {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (IDENTITY_HEADERS.stream().noneMatch(headers::containsHeader)) {
          return chain.filter(exchange);
        }
        return chain.filter(
            exchange
                .mutate()
                .request(request -> request.headers(h -> IDENTITY_HEADERS.forEach(h::remove)))
                .build());
      };
    }

    private GatewayFilter breaker(String service) {
      return breakers.apply(
          breaker ->
              breaker
                  .setName(service)
                  .setFallbackUri(FallbackController.FORWARD + service)
                  .setStatusCodes(FAILURE_STATUSES));
    }

    /**
     * GET and HEAD only, on a broken connection or a 502/503, twice at most. Never a POST: a
     * retried POST could open the same ticket twice. Never after waiting in vain for a pooled
     * connection (a TimeoutException, which the factory retries by default): the gateway is full,
     * and queueing again would only keep the caller longer from the 503 that says so. Other methods
     * bypass the filter altogether, rather than pass through its retry machinery for nothing.
     */
    @SuppressWarnings("unchecked")
    private GatewayFilter retryReads() {
      GatewayFilter retry =
          retries.apply(
              config ->
                  config
                      .setRetries(2)
                      .setMethods(RETRIED_METHODS.toArray(HttpMethod[]::new))
                      .setSeries()
                      .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                      .setExceptions(IOException.class)
                      .setBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2, false));
      return (exchange, chain) ->
          RETRIED_METHODS.contains(exchange.getRequest().getMethod())
              ? retry.filter(exchange, chain)
              : chain.filter(exchange);
    }
  }
}
