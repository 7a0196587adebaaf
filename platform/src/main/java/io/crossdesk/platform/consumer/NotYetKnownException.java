package io.crossdesk.platform.consumer;

/**
 * An event refers to something this service has not heard of yet (a customer registered a moment
 * ago, a ticket whose opening is still in flight). Events on different topics are not ordered, so
 * the listener retries such an event longer than other failures before dead-lettering it.
 */
public class NotYetKnownException extends RuntimeException {

  public NotYetKnownException(String message) {
    super(message);
  }
}
