package io.crossdesk.ticket.lifecycle.domain;

/** A ticket cannot be opened with this content; names the offending field. */
public class InvalidTicketException extends RuntimeException {

  private final String field;

  public InvalidTicketException(String field, String message) {
    super(field + " " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The message without the field name, as a field error shows it. */
  public String reason() {
    return getMessage().substring(field.length() + 1);
  }
}
