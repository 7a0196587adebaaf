package io.crossdesk.customer.contactpoint.domain;

/** A phone number or e-mail address already belongs to another customer. */
public class ContactPointTakenException extends RuntimeException {

  private final String contactPoint;
  private final String ownerId;

  public ContactPointTakenException(String contactPoint, String ownerId) {
    super(describe(contactPoint) + " already belongs to customer " + ownerId);
    this.contactPoint = contactPoint;
    this.ownerId = ownerId;
  }

  /** {@code phones} or {@code emails}: the field of the request at fault. */
  public String field() {
    return contactPoint.startsWith("phone:") ? "phones" : "emails";
  }

  public String contactPoint() {
    return contactPoint;
  }

  public String ownerId() {
    return ownerId;
  }

  private static String describe(String point) {
    return point.startsWith("phone:")
        ? "The phone number " + point.substring(6)
        : "The e-mail address " + point.substring(6);
  }
}
