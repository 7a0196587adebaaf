package io.crossdesk.ticket.customer.application;

import io.crossdesk.platform.consumer.NotYetKnownException;

/**
 * An event names a customer whose registration has not reached the projection yet. The platform
 * retries it longer than other failures, by which time the CustomerRegistered event (on another,
 * unordered topic) has usually arrived.
 */
public class CustomerNotYetKnownException extends NotYetKnownException {

  public CustomerNotYetKnownException(String customerId) {
    super("customer " + customerId + " is not known (yet) to ticket-service");
  }
}
