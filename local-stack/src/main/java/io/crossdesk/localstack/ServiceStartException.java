package io.crossdesk.localstack;

/** A process did not become ready; the message carries the end of its log to show why. */
public class ServiceStartException extends RuntimeException {

  public ServiceStartException(String message, String logTail) {
    super(
        message + System.lineSeparator() + "--- end of log ---" + System.lineSeparator() + logTail);
  }
}
