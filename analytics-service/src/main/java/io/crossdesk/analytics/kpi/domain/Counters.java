package io.crossdesk.analytics.kpi.domain;

/** The names of the counters and duration metrics the KPIs are computed from. */
public final class Counters {

  public static final String TICKETS_OPENED = "ticketsOpened";
  public static final String COMPLAINTS_OPENED = "complaintsOpened";
  public static final String TICKETS_RESOLVED = "ticketsResolved";
  public static final String COMPLAINTS_RESOLVED = "complaintsResolved";
  public static final String RESOLVED_AT_FIRST_CONTACT = "resolvedAtFirstContact";
  public static final String RESOLUTION_SLA_MET = "resolutionSlaMet";
  public static final String RESOLUTION_SLA_BREACHED = "resolutionSlaBreached";
  public static final String TICKETS_REOPENED = "ticketsReopened";
  public static final String COMPLAINTS_REOPENED = "complaintsReopened";
  public static final String TICKETS_CLOSED = "ticketsClosed";
  public static final String SLA_WARNINGS = "slaWarnings";
  public static final String ESCALATIONS_LEVEL = "escalationsLevel";
  public static final String SURVEYS_ANSWERED = "surveysAnswered";
  public static final String SATISFACTION_POINTS = "satisfactionPoints";
  public static final String SATISFACTION_SCORE = "satisfactionScore";

  public static final String STEPS_ROUTED = "stepsRouted";
  public static final String STEPS_COMPLETED = "stepsCompleted";
  public static final String STEP_OLA_MET = "stepOlaMet";
  public static final String STEP_OLA_BREACHED = "stepOlaBreached";
  public static final String STEPS_RETURNED = "stepsReturned";
  public static final String STEPS_TRANSFERRED = "stepsTransferred";
  public static final String STEP_ESCALATIONS = "stepEscalations";
  public static final String CALL_BACKS_DONE = "callBacksDone";
  public static final String CALL_BACKS_WITHIN_3_DAYS = "callBacksWithin3Days";

  /** Duration metric: from a ticket's opening to its first routing to a department. */
  public static final String ROUTING_TIME = "routingTime";

  /** Duration metric: from a step becoming ready to its completion. */
  public static final String STEP_TIME = "stepTime";

  public static final String CUSTOMERS_REGISTERED = "customersRegistered";
  public static final String FIRST_RESPONSE_SLA_MET = "firstResponseSlaMet";
  public static final String FIRST_RESPONSE_SLA_BREACHED = "firstResponseSlaBreached";

  /** Duration metric: from a ticket's opening to its first response, counted at its resolution. */
  public static final String FIRST_RESPONSE_TIME = "firstResponseTime";

  /** Duration metric: the same in the business hours of the SLA calendar, pauses left out. */
  public static final String FIRST_RESPONSE_BUSINESS_TIME = "firstResponseBusinessTime";

  /** Duration metric: from a ticket's opening to each resolution, in business hours. */
  public static final String RESOLUTION_BUSINESS_TIME = "resolutionBusinessTime";

  /** Duration metric: from a ticket's opening to each of its resolutions. */
  public static final String RESOLUTION_TIME = "resolutionTime";

  private Counters() {}
}
