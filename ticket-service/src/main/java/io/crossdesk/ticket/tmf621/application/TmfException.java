package io.crossdesk.ticket.tmf621.application;

import org.springframework.http.HttpStatus;

/**
 * A request the TMF621 API refuses, answered as TMF's Error resource: the status, a code, a short
 * reason and the message for the caller.
 */
public class TmfException extends RuntimeException {

  private final HttpStatus status;
  private final String reason;

  public TmfException(HttpStatus status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  public static TmfException badRequest(String field, String message) {
    return new TmfException(HttpStatus.BAD_REQUEST, "Invalid " + field, field + " " + message);
  }

  public static TmfException conflict(String message) {
    return new TmfException(HttpStatus.CONFLICT, "Not possible in the ticket's status", message);
  }

  public HttpStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }
}
