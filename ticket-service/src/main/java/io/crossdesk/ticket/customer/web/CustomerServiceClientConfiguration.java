package io.crossdesk.ticket.customer.web;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class CustomerServiceClientConfiguration {

  @Bean
  CustomerServiceClient customerServiceClient(
      CustomerServiceProperties properties,
      MeterRegistry meters,
      ObservationRegistry observations) {
    HttpClient client =
        HttpClient.newBuilder().connectTimeout(properties.customerTimeout()).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
    requests.setReadTimeout(properties.customerTimeout());
    RestClient http =
        RestClient.builder()
            .baseUrl(properties.customerUri().toString())
            .requestFactory(requests)
            // The call is a span of the ticket's trace, and customer-service continues it.
            .observationRegistry(observations)
            .build();
    return new CustomerServiceClient(http, circuitBreaker(meters));
  }

  /**
   * Opens after half of at least five recent calls failed and stays open ten seconds. A 4xx is an
   * answer, not a failure of customer-service, so it does not count.
   */
  private static CircuitBreaker circuitBreaker(MeterRegistry meters) {
    CircuitBreakerRegistry registry =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .recordException(failure -> !(failure instanceof HttpClientErrorException))
                .build());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    return registry.circuitBreaker("customer-service");
  }
}
