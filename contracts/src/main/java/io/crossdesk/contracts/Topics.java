package io.crossdesk.contracts;

import java.util.List;

/** Kafka topic names. Each topic is owned by the service that produces to it. */
public final class Topics {

  public static final String CUSTOMERS = "crossdesk.customers";
  public static final String TICKETS = "crossdesk.tickets";
  public static final String WORKORDERS = "crossdesk.workorders";
  public static final String NOTIFICATIONS = "crossdesk.notifications";
  public static final String ANALYTICS = "crossdesk.analytics";

  /**
   * Customers' answers to satisfaction surveys, published by notification-service, which sends the
   * surveys; a topic of their own, so that ticket-service, which records them, reads no other
   * notification events.
   */
  public static final String SURVEYS = "crossdesk.surveys";

  /** Public inbound contract: another enterprise system asks for a ticket. */
  public static final String INTAKE = "crossdesk.intake";

  /** Public inbound contract: a department system reports the outcome of a work-order step. */
  public static final String WORKORDER_RESULTS = "crossdesk.workorder-results";

  public static final List<String> ALL =
      List.of(
          CUSTOMERS,
          TICKETS,
          WORKORDERS,
          NOTIFICATIONS,
          SURVEYS,
          ANALYTICS,
          INTAKE,
          WORKORDER_RESULTS);

  private static final String DEAD_LETTER_SUFFIX = ".dlt";

  private Topics() {}

  public static String deadLetterOf(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }
}
