package io.crossdesk.platform.events;

/**
 * An event that can never be processed as it is: bad JSON, unknown type, missing fields. It goes
 * straight to the dead-letter topic without retries.
 */
public class InvalidEventException extends RuntimeException {

  public InvalidEventException(String message) {
    super(message);
  }

  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
