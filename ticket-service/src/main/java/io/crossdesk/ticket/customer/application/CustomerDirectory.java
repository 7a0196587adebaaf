package io.crossdesk.ticket.customer.application;

import io.crossdesk.platform.web.InvalidRequestException;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.crossdesk.ticket.customer.persistence.CustomerProjection;
import io.crossdesk.ticket.customer.web.CustomerServiceClient;
import io.crossdesk.ticket.customer.web.CustomerServiceUnavailableException;
import org.springframework.stereotype.Service;

/** Finds the customer a ticket is for: from the projection, else (for a person) from the source. */
@Service
public class CustomerDirectory {

  private final CustomerProjection projection;
  private final CustomerServiceClient customerService;

  CustomerDirectory(CustomerProjection projection, CustomerServiceClient customerService) {
    this.projection = projection;
    this.customerService = customerService;
  }

  /**
   * For a request a person is waiting on: the CustomerRegistered event may lag a registration by a
   * moment, so an unknown customer is looked up in customer-service with the caller's token.
   *
   * @throws InvalidRequestException when customer-service does not know the customer either
   * @throws CustomerServiceUnavailableException when customer-service cannot tell
   */
  public KnownCustomer forRequest(String customerId, String bearerToken) {
    return projection
        .find(customerId)
        .orElseGet(
            () -> {
              KnownCustomer fetched =
                  customerService
                      .fetch(customerId, bearerToken)
                      .orElseThrow(
                          () ->
                              InvalidRequestException.field(
                                  "customerId", "no customer " + customerId + " is registered"));
              projection.remember(fetched);
              return fetched;
            });
  }

  /**
   * For an event, where no user token can be forwarded: only the projection is asked.
   *
   * @throws CustomerNotYetKnownException (retryable) when the projection does not know the customer
   */
  public KnownCustomer forEvent(String customerId) {
    return projection
        .find(customerId)
        .orElseThrow(() -> new CustomerNotYetKnownException(customerId));
  }
}
