package io.crossdesk.notification.contact.domain;

import java.util.Optional;

/**
 * How a customer can be reached and wants to be, as far as this service knows from the customer
 * events. E-mail and phone are optional: a customer may have registered with either, both or
 * neither. The locale (a BCP 47 tag), the preferred channel, the consent to be notified and the
 * quiet hours come with the registration or a profile change; null when no event stated them.
 *
 * @param preferredChannel the customer's channel as customer-service names it (EMAIL, SMS, WEB,
 *     APP, ...)
 * @param consent false when the customer withdrew consent to e-mail and SMS notifications
 * @param accountManager the staff id of the customer's account manager, or null
 */
public record Contact(
    String customerId,
    String name,
    String email,
    String phone,
    String locale,
    String preferredChannel,
    boolean consent,
    QuietHours quietHours,
    String accountManager) {

  public Contact {
    if (customerId == null || customerId.isBlank()) {
      throw new IllegalArgumentException("a contact needs a customer id");
    }
  }

  public Contact(
      String customerId,
      String name,
      String email,
      String phone,
      String locale,
      String preferredChannel,
      boolean consent,
      QuietHours quietHours) {
    this(customerId, name, email, phone, locale, preferredChannel, consent, quietHours, null);
  }

  public Contact(String customerId, String name, String email, String phone, String locale) {
    this(customerId, name, email, phone, locale, null, true, null, null);
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

  public Optional<QuietHours> quiet() {
    return Optional.ofNullable(quietHours);
  }
}
