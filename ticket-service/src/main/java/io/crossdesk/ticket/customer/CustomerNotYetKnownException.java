package io.crossdesk.ticket.customer;

/**
 * An event names a customer whose registration has not reached the projection yet. Retryable: the
 * platform retries with back-off, by which time the CustomerRegistered event has usually arrived.
 */
public class CustomerNotYetKnownException extends RuntimeException {

  public CustomerNotYetKnownException(String customerId) {
    super("customer " + customerId + " is not known (yet) to ticket-service");
  }
}
