package io.crossdesk.customer.profile.domain;

/** A customer detail that breaks a rule of the domain, naming the detail that is wrong. */
public class InvalidCustomerException extends IllegalArgumentException {

  private final String field;

  public InvalidCustomerException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
