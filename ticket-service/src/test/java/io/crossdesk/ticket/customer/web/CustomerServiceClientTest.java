package io.crossdesk.ticket.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.ticket.StandInCustomerService;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomerServiceClientTest {

  private final StandInCustomerService customerService = StandInCustomerService.start();

  @AfterEach
  void stop() {
    customerService.close();
  }

  private CustomerServiceClient clientFor(URI uri) {
    return new CustomerServiceClientConfiguration()
        .customerServiceClient(
            new CustomerServiceProperties(uri, Duration.ofMillis(500)),
            new SimpleMeterRegistry(),
            ObservationRegistry.NOOP);
  }

  private CustomerServiceClient client() {
    return clientFor(customerService.uri());
  }

  @Test
  void asks_customer_service_on_the_callers_behalf() {
    customerService.knows("cust-1", "A", "Acme Ltd");

    assertThat(client().fetch("cust-1", "caller-token"))
        .contains(new KnownCustomer("cust-1", CustomerTier.A, "Acme Ltd"));
    assertThat(customerService.requestsFor("cust-1"))
        .singleElement()
        .satisfies(request -> assertThat(request.authorization()).isEqualTo("Bearer caller-token"));
  }

  @Test
  void a_customer_unknown_to_customer_service_is_absent() {
    assertThat(client().fetch("nobody", "caller-token")).isEmpty();
  }

  @Test
  void a_failing_customer_service_is_unavailable() {
    customerService.failsFor("cust-2");

    assertThatThrownBy(() -> client().fetch("cust-2", "t"))
        .isInstanceOf(CustomerServiceUnavailableException.class);
  }

  @Test
  void a_customer_service_that_does_not_answer_in_time_is_unavailable() {
    customerService.hangsFor("cust-3");

    assertThatThrownBy(() -> client().fetch("cust-3", "t"))
        .isInstanceOf(CustomerServiceUnavailableException.class);
  }

  @Test
  void an_unreachable_customer_service_is_unavailable() {
    URI nobodyListens = customerService.uri();
    customerService.close();

    assertThatThrownBy(() -> clientFor(nobodyListens).fetch("cust-4", "t"))
        .isInstanceOf(CustomerServiceUnavailableException.class);
  }

  @Test
  void stops_asking_a_failing_customer_service_for_a_while() {
    customerService.failsFor("cust-5");
    CustomerServiceClient client = client();
    for (int call = 0; call < 5; call++) {
      assertThatThrownBy(() -> client.fetch("cust-5", "t"))
          .isInstanceOf(CustomerServiceUnavailableException.class);
    }

    assertThatThrownBy(() -> client.fetch("cust-5", "t"))
        .isInstanceOf(CustomerServiceUnavailableException.class)
        .hasMessageContaining("circuit open");
    assertThat(customerService.requestsFor("cust-5")).hasSize(5);
  }
}
