package io.crossdesk.notification.tmf621.domain;

/** A listener's query Crossdesk cannot follow, saying why. */
public class InvalidListenerQueryException extends RuntimeException {

  public InvalidListenerQueryException(String message) {
    super(message);
  }
}
