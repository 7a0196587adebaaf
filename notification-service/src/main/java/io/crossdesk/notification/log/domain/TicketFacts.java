package io.crossdesk.notification.log.domain;

/**
 * What the messages about a ticket say of it, kept from its opening: the events about its work
 * order and escalations name the ticket by id only.
 */
public record TicketFacts(
    String ticketId,
    String number,
    String title,
    String customerId,
    String customerTier,
    String priority,
    String owner) {

  /** The number customers know the ticket by; its id when it has none. */
  public String reference() {
    return number != null ? number : ticketId;
  }

  /**
   * Whether messages about the ticket may not wait for the customer's quiet hours: an urgent
   * ticket, or a high-priority one of a tier A customer.
   */
  public boolean urgent() {
    return urgent(customerTier, priority);
  }

  public static boolean urgent(String customerTier, String priority) {
    return "URGENT".equals(priority) || ("A".equals(customerTier) && "HIGH".equals(priority));
  }
}
