package io.crossdesk.platform.web;

import io.crossdesk.platform.events.Traces;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details for every error, trace context for every request, and request bodies read by
 * {@link RequestJsonConverter}, in every servlet service.
 */
@AutoConfiguration
public class PlatformWebAutoConfiguration {

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  ProblemDetailsAdvice problemDetailsAdvice() {
    return new ProblemDetailsAdvice();
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  TraceparentFilter traceparentFilter(Traces traces) {
    return new TraceparentFilter(traces);
  }

  /**
   * No span and no request metric for the actuator's own endpoints: health probes and metric
   * scrapes every few seconds would bury the requests people look for.
   */
  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  ObservationPredicate actuatorRequestsUnobserved() {
    return (name, context) ->
        !(context instanceof ServerRequestObservationContext request
            && request.getCarrier() != null
            && request.getCarrier().getRequestURI().startsWith("/actuator"));
  }

  /** After Spring Boot's own, so this converter takes the JSON place. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  ServerHttpMessageConvertersCustomizer requestJsonConverter(JsonMapper mapper) {
    return builder -> builder.withJsonConverter(new RequestJsonConverter(mapper));
  }
}
