package io.crossdesk.notification.contact.domain;

/**
 * How a customer can be reached, as far as this service knows from the customer events. E-mail and
 * phone are optional: a customer may have registered with either, both or neither.
 */
public record Contact(String customerId, String name, String email, String phone) {

  public Contact {
    if (customerId == null || customerId.isBlank()) {
      throw new IllegalArgumentException("a contact needs a customer id");
    }
  }

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }

  public boolean hasPhone() {
    return phone != null && !phone.isBlank();
  }
}
