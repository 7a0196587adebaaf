package io.crossdesk.gateway.access;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * No span and no request metric for the actuator's own endpoints: health probes and metric scrapes
 * every few seconds would bury the requests people look for.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorObservations {

  @Bean
  ObservationPredicate actuatorRequestsUnobserved() {
    return (name, context) ->
        !(context instanceof ServerRequestObservationContext request
            && request.getCarrier() != null
            && request.getCarrier().getPath().value().startsWith("/actuator"));
  }
}
