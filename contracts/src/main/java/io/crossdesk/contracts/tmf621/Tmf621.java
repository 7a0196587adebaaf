package io.crossdesk.contracts.tmf621;

import java.util.Locale;
import java.util.Map;

/**
 * How Crossdesk's tickets read in TM Forum's TMF621 Trouble Ticket API v4: the base path, the
 * status and priority vocabularies both ways. ticket-service's facade and notification-service's
 * listener events speak it alike; docs/tmf621.md shows the same tables.
 */
public final class Tmf621 {

  /** Where the API is served, through the gateway. */
  public static final String BASE_PATH = "/tmf-api/troubleTicket/v4";

  public static final String TROUBLE_TICKET_PATH = BASE_PATH + "/troubleTicket";

  /** Where the API's definition says its resources are described. */
  public static final String SCHEMA_LOCATION =
      "https://raw.githubusercontent.com/tmforum-apis/TMF621_TroubleTicket/master/"
          + "TMF621-TroubleTicket-v4.0.0.swagger.json";

  /** A Crossdesk ticket status as a TroubleTicketStatusType. */
  private static final Map<String, String> STATUS =
      Map.of(
          "OPEN", "acknowledged",
          "ROUTED", "inProgress",
          "IN_PROGRESS", "inProgress",
          "WAITING_CUSTOMER", "pending",
          "RESOLVED", "resolved",
          "CLOSED", "closed",
          "REOPENED", "inProgress",
          "CANCELLED", "cancelled");

  /** A Crossdesk priority as TMF's priority. */
  private static final Map<String, String> PRIORITY =
      Map.of("URGENT", "Urgent", "HIGH", "High", "NORMAL", "Normal", "LOW", "Low");

  /** A Crossdesk priority as a perceived severity (ITU-T X.733). */
  private static final Map<String, String> SEVERITY =
      Map.of("URGENT", "Critical", "HIGH", "Major", "NORMAL", "Minor", "LOW", "Warning");

  private Tmf621() {}

  /** Who answers for a ticket when no agent received it: the service-center desk. */
  public static final String SERVICE_CENTER_DESK = "service-center";

  /** The {@code @referredType} of a ticket's owner: the desk is an organisation, an agent not. */
  public static String ownerType(String owner) {
    return SERVICE_CENTER_DESK.equals(owner) ? "Organization" : "Individual";
  }

  public static String href(String ticketId) {
    return TROUBLE_TICKET_PATH + "/" + ticketId;
  }

  /** The TroubleTicketStatusType of a Crossdesk status name. */
  public static String status(String crossdeskStatus) {
    String status = STATUS.get(crossdeskStatus);
    if (status == null) {
      throw new IllegalArgumentException("not a ticket status: " + crossdeskStatus);
    }
    return status;
  }

  public static String priority(String crossdeskPriority) {
    return PRIORITY.get(crossdeskPriority);
  }

  public static String severity(String crossdeskPriority) {
    return SEVERITY.get(crossdeskPriority);
  }

  /** The Crossdesk priority a TMF priority names (any case), or null for one it does not. */
  public static String priorityNamed(String tmfPriority) {
    return reverse(PRIORITY, tmfPriority);
  }

  /** The Crossdesk priority a perceived severity names (any case), or null for one it does not. */
  public static String priorityOfSeverity(String severity) {
    return reverse(SEVERITY, severity);
  }

  /** The TMF priorities, most urgent first, as the API writes them. */
  public static String priorities() {
    return "Urgent, High, Normal, Low";
  }

  /** The severities, most severe first, as the API writes them. */
  public static String severities() {
    return "Critical, Major, Minor, Warning";
  }

  private static String reverse(Map<String, String> names, String value) {
    if (value == null) {
      return null;
    }
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    return names.entrySet().stream()
        .filter(entry -> entry.getValue().toLowerCase(Locale.ROOT).equals(wanted))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }
}
