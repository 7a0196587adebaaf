package io.crossdesk.notification.contact.domain;

/**
 * How a customer can be reached, as far as this service knows from the customer events. E-mail and
 * phone are optional: a customer may have registered with either, both or neither. The locale (a
 * BCP 47 tag) comes with the first profile change: the registration event does not carry it, so it
 * is null until then.
 */
public record Contact(String customerId, String name, String email, String phone, String locale) {

  public Contact {
    if (customerId == null || customerId.isBlank()) {
      throw new IllegalArgumentException("a contact needs a customer id");
    }
  }

  public Contact(String customerId, String name, String email, String phone) {
    this(customerId, name, email, phone, null);
  }

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }

  public boolean hasPhone() {
    return phone != null && !phone.isBlank();
  }
}
