package io.crossdesk.platform.events;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** The clock every platform part reads, and the CloudEvents mapping stamped with this service. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration"
    })
public class PlatformEventsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Micrometer Tracing's tracer and W3C propagator when tracing is on, otherwise none. */
  @Bean
  Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    Tracer current = tracer.getIfAvailable();
    Propagator w3c = propagator.getIfAvailable();
    return current == null || w3c == null ? Traces.NONE : new Traces(current, w3c);
  }

  @Bean
  Events events(
      JsonMapper json,
      @Value("${spring.application.name}") String service,
      Clock clock,
      Traces traces) {
    return new Events(json, service, clock, traces);
  }
}
