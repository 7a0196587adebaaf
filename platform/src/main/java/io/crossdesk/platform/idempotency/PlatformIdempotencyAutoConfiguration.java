package io.crossdesk.platform.idempotency;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency-Key on every POST of every servlet service that keeps its state in MongoDB. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
      "io.crossdesk.platform.events.PlatformEventsAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoTemplate.class)
@ConditionalOnBooleanProperty(name = "crossdesk.idempotency.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class PlatformIdempotencyAutoConfiguration {

  @Bean
  IdempotencyStore idempotencyStore(
      MongoTemplate mongo, IdempotencyProperties properties, ObjectProvider<Clock> clock) {
    return new IdempotencyStore(
        mongo,
        properties.retention(),
        properties.inProgressTimeout(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  IdempotencyPurge idempotencyPurge(
      MongoTemplate mongo, IdempotencyProperties properties, ObjectProvider<Clock> clock) {
    return new IdempotencyPurge(mongo, properties, clock.getIfAvailable(Clock::systemUTC));
  }

  /** Right behind Spring Security's filter chain, wherever a service has put that. */
  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotencyStore store,
      JsonMapper json,
      MeterRegistry meters,
      ObjectProvider<SecurityFilterProperties> security) {
    FilterRegistrationBean<IdempotencyFilter> registration =
        new FilterRegistrationBean<>(new IdempotencyFilter(store, json, meters));
    registration.setOrder(security.getIfAvailable(SecurityFilterProperties::new).getOrder() + 1);
    return registration;
  }
}
