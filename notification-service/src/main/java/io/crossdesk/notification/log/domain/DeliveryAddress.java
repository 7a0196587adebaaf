package io.crossdesk.notification.log.domain;

/**
 * Where one copy of a message goes: a channel and the recipient's address on it (an e-mail address,
 * an E.164 phone number, or a feed for {@link Channel#IN_APP}). {@code recipientKey} names the
 * recipient whatever the channel (a customer id, a department, a user name), so that one event
 * notifies one recipient once per channel. The address is null while a customer's contact is not
 * known here yet: customer and ticket events travel on different topics, so a ticket can arrive
 * first.
 */
public record DeliveryAddress(
    Channel channel, RecipientType recipientType, String recipientKey, String address) {

  public static DeliveryAddress feed(RecipientType type, String key) {
    return new DeliveryAddress(Channel.IN_APP, type, key, Feeds.of(type, key));
  }

  /**
   * An escalation contact as the department configured it: an e-mail address, a phone number in
   * E.164 form, or else the user name of a member of staff, who reads it in their feed.
   */
  public static DeliveryAddress contact(String contact) {
    if (contact.contains("@")) {
      return new DeliveryAddress(Channel.EMAIL, RecipientType.CONTACT, contact, contact);
    }
    if (contact.matches("\\+[1-9][0-9]{6,14}")) {
      return new DeliveryAddress(Channel.SMS, RecipientType.CONTACT, contact, contact);
    }
    return feed(RecipientType.STAFF, contact);
  }

  public boolean isKnown() {
    return address != null;
  }

  /** The supervisors' shared feed. */
  public static DeliveryAddress supervisors() {
    return feed(RecipientType.SUPERVISORS, "supervisors");
  }

  /**
   * The feed names: {@code customer:<id>}, {@code department:<id>}, {@code staff:<user>}, {@code
   * supervisors}.
   */
  public static final class Feeds {

    private Feeds() {}

    public static String of(RecipientType type, String key) {
      return switch (type) {
        case CUSTOMER -> "customer:" + key;
        case DEPARTMENT -> "department:" + key;
        case SUPERVISORS -> "supervisors";
        case STAFF, CONTACT -> "staff:" + key;
      };
    }
  }
}
