package io.crossdesk.notification.template.domain;

/** The placeholders the kinds of message offer; one name means the same thing in every kind. */
final class Placeholders {

  static final Placeholder CUSTOMER_NAME =
      Placeholder.of("customerName", "the customer's name, empty while unknown", "Ada Lovelace");
  static final Placeholder TICKET_NUMBER =
      Placeholder.of("ticketNumber", "the number the customer quotes", "T-2025-000123");
  static final Placeholder TICKET_TITLE =
      Placeholder.of("ticketTitle", "the ticket's title as entered", "No internet since Monday");
  static final Placeholder EXPECTED_RESOLUTION =
      Placeholder.of(
          "expectedResolution", "when the ticket is due to be resolved", "2025-03-05 13:14 UTC");
  static final Placeholder DEPARTMENT =
      Placeholder.of("department", "the department's customer-facing name", "Field Service");
  static final Placeholder EXPECTED_COMPLETION =
      Placeholder.of(
          "expectedCompletion",
          "when the department is predicted to finish",
          "2025-03-06 17:00 UTC");
  static final Placeholder NEEDED_FROM_CUSTOMER =
      Placeholder.of(
          "neededFromCustomer",
          "what the desk needs from the customer",
          "a photo of the router's status lights");
  static final Placeholder RESOLUTION =
      Placeholder.of("resolution", "how the ticket was resolved", "The line card was replaced.");
  static final Placeholder RESPOND_BY =
      Placeholder.of(
          "respondBy", "until when the customer can reject the resolution", "2025-03-08 13:14 UTC");
  static final Placeholder REASON = Placeholder.of("reason", "why", "The fault came back.");
  static final Placeholder SURVEY_LINK =
      Placeholder.of(
          "surveyLink", "the single-use survey link", "https://desk.example.com/survey/abc123");
  static final Placeholder SURVEY_EXPIRES =
      Placeholder.of("surveyExpires", "when the survey link expires", "2025-03-11 13:14 UTC");
  static final Placeholder STEP_NAME =
      Placeholder.of("stepName", "the work order step", "On-site repair");
  static final Placeholder CUSTOMER_TIER = Placeholder.of("customerTier", "A, B or C", "A");
  static final Placeholder DUE_AT =
      Placeholder.of("dueAt", "when the step is due", "2025-03-05 11:00 UTC");
  static final Placeholder ASSIGNEE =
      Placeholder.of("assignee", "the member of staff the step is assigned to", "Wang Fang");
  static final Placeholder OVERDUE_BY =
      Placeholder.of("overdueBy", "how long past its due time", "2 h 15 min");
  static final Placeholder CONTACT_NAME =
      Placeholder.of("contactName", "the escalation contact's name", "Li Wei");
  static final Placeholder ESCALATED_ITEM =
      Placeholder.of(
          "escalatedItem", "what was escalated: the ticket or one of its steps", "On-site repair");
  static final Placeholder ESCALATION_LEVEL =
      Placeholder.of("escalationLevel", "the escalation level reached, from 1", "2");
  static final Placeholder OWNER = Placeholder.of("owner", "the ticket's owner", "agent-7");
  static final Placeholder RESOLVE_BY =
      Placeholder.of("resolveBy", "the resolution target", "2025-03-05 13:14 UTC");
  static final Placeholder TIME_LEFT =
      Placeholder.of("timeLeft", "time left until the target", "3 h 10 min");
  static final Placeholder TARGET_USED =
      Placeholder.of("targetUsed", "the share of the target already used", "75%");
  static final Placeholder ANOMALY =
      Placeholder.of("anomaly", "what was detected", "Tickets opened per hour tripled");
  static final Placeholder OBSERVED = Placeholder.of("observed", "the value seen", "184 per hour");
  static final Placeholder EXPECTED =
      Placeholder.of("expected", "the usual value", "about 60 per hour");
  static final Placeholder DETECTED_AT =
      Placeholder.of("detectedAt", "when it was detected", "2025-03-04 09:00 UTC");
  static final Placeholder ACCOUNT_MANAGER =
      Placeholder.of("accountManager", "the account manager's name", "Zhang Min");
  static final Placeholder CATEGORY =
      Placeholder.of("category", "the tickets' category", "NETWORK");
  static final Placeholder REGION = Placeholder.of("region", "the customers' region", "CN-SH");
  static final Placeholder REASONS =
      Placeholder.of(
          "reasons",
          "every sign of churn that holds, in one line",
          "3 complaints in 30 days; rated a resolution 2 of 5");

  static final Placeholder STAFF_NAME =
      Placeholder.of("staffName", "the member of staff the digest is for", "wang.fang");
  static final Placeholder MESSAGE_COUNT =
      Placeholder.of("messageCount", "how many messages the digest gathers", "3");
  static final Placeholder MESSAGES =
      Placeholder.of(
          "messages",
          "the gathered messages, one per line: time, subject",
          "2025-03-04 09:00 UTC  Escalation: ticket T-2025-000123");
  static final Placeholder SINCE =
      Placeholder.of("since", "the start of the period the digest covers", "2025-03-03 08:00 UTC");

  private Placeholders() {}
}
