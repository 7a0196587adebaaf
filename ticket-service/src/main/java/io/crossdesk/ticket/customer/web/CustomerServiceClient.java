package io.crossdesk.ticket.customer.web;

import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks customer-service for one customer, on the caller's behalf (their token is forwarded). A
 * circuit breaker keeps a struggling customer-service from tying up ticket-service's threads.
 */
public class CustomerServiceClient {

  private final RestClient http;
  private final CircuitBreaker breaker;

  public CustomerServiceClient(RestClient http, CircuitBreaker breaker) {
    this.http = http;
    this.breaker = breaker;
  }

  /**
   * The customer as customer-service knows it, or empty when it does not exist.
   *
   * @throws CustomerServiceUnavailableException when customer-service cannot answer
   */
  public Optional<KnownCustomer> fetch(String customerId, String bearerToken) {
    try {
      return breaker.executeSupplier(() -> get(customerId, bearerToken));
    } catch (CallNotPermittedException e) {
      throw new CustomerServiceUnavailableException("circuit open", e);
    } catch (HttpClientErrorException e) {
      throw new CustomerServiceUnavailableException("answered " + e.getStatusCode().value(), e);
    } catch (RestClientException | IllegalArgumentException e) {
      throw new CustomerServiceUnavailableException("no usable answer", e);
    }
  }

  private Optional<KnownCustomer> get(String customerId, String bearerToken) {
    try {
      CustomerAnswer answer =
          http.get()
              .uri("/api/customers/{id}", customerId)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
              .retrieve()
              .body(CustomerAnswer.class);
      if (answer == null || answer.tier() == null) {
        throw new IllegalArgumentException("customer-service answered without a tier");
      }
      return Optional.of(
          new KnownCustomer(customerId, CustomerTier.valueOf(answer.tier()), answer.name()));
    } catch (HttpClientErrorException.NotFound e) {
      return Optional.empty();
    }
  }

  /** The part of customer-service's customer representation that ticket-service needs. */
  record CustomerAnswer(String tier, String name) {}
}
