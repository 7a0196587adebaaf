package io.crossdesk.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
  TraceparentFilter traceparentFilter() {
    return new TraceparentFilter();
  }

  /** After Spring Boot's own, so this converter takes the JSON place. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  ServerHttpMessageConvertersCustomizer requestJsonConverter(JsonMapper mapper) {
    return builder -> builder.withJsonConverter(new RequestJsonConverter(mapper));
  }
}
