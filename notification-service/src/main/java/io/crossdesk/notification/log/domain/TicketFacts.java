package io.crossdesk.notification.log.domain;

/**
 * What the messages about a ticket say of it, kept from its opening: the events about its work
 * order and escalations name the ticket by id only. The rounds tell whether a survey is still due.
 *
 * @param round the ticket's latest round of work this service heard of (1 when opened, one more
 *     after each reopening)
 * @param ratedRound the last round the customer's satisfaction was recorded for, 0 for none
 */
public record TicketFacts(
    String ticketId,
    String number,
    String title,
    String customerId,
    String customerTier,
    String priority,
    String owner,
    int round,
    int ratedRound) {

  /** A ticket as it is opened: in its first round, not rated. */
  public static TicketFacts opened(
      String ticketId,
      String number,
      String title,
      String customerId,
      String customerTier,
      String priority,
      String owner) {
    return new TicketFacts(
        ticketId, number, title, customerId, customerTier, priority, owner, 1, 0);
  }

  /** Whether the survey of resolution {@code round} is still to be asked. */
  public boolean awaitsSurveyOf(int surveyRound) {
    return round == surveyRound && ratedRound < surveyRound;
  }

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
