package io.crossdesk.platform.stuck;

/** A retry of stuck work failed again: it stays where it was. */
public class RetryFailedException extends RuntimeException {

  public RetryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
