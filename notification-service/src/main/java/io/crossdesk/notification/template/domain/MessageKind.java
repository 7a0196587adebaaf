package io.crossdesk.notification.template.domain;

import static io.crossdesk.notification.template.domain.Channel.EMAIL;
import static io.crossdesk.notification.template.domain.Channel.IN_APP;
import static io.crossdesk.notification.template.domain.Channel.SMS;
import static io.crossdesk.notification.template.domain.Channel.WEBHOOK;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of messages this service writes. Each kind offers its templates a fixed set of
 * placeholders: a template may use any of them and no other, which is checked when it is saved.
 */
public enum MessageKind {
  TICKET_RECEIVED(
      "ticket-received",
      Audience.CUSTOMER,
      EnumSet.of(EMAIL, SMS, IN_APP),
      Placeholders.CUSTOMER_NAME,
      Placeholders.TICKET_NUMBER,
      Placeholders.TICKET_TITLE,
      Placeholders.EXPECTED_RESOLUTION),
  TICKET_PASSED_TO_DEPARTMENT(
      "ticket-passed-to-department",
      Audience.CUSTOMER,
      EnumSet.of(EMAIL, SMS, IN_APP),
      Placeholders.CUSTOMER_NAME,
      Placeholders.TICKET_NUMBER,
      Placeholders.TICKET_TITLE,
      Placeholders.DEPARTMENT,
      Placeholders.EXPECTED_COMPLETION),
  WAITING_FOR_CUSTOMER(
      "waiting-for-customer",
      Audience.CUSTOMER,
      EnumSet.of(EMAIL, SMS, IN_APP),
      Placeholders.CUSTOMER_NAME,
      Placeholders.TICKET_NUMBER,
      Placeholders.TICKET_TITLE,
      Placeholders.NEEDED_FROM_CUSTOMER),
  TICKET_RESOLVED(
      "ticket-resolved",
      Audience.CUSTOMER,
      EnumSet.of(EMAIL, SMS, IN_APP),
      Placeholders.CUSTOMER_NAME,
      Placeholders.TICKET_NUMBER,
      Placeholders.TICKET_TITLE,
      Placeholders.RESOLUTION,
      Placeholders.RESPOND_BY),
  TICKET_REOPENED(
      "ticket-reopened",
      Audience.CUSTOMER,
      EnumSet.of(EMAIL, SMS, IN_APP),
      Placeholders.CUSTOMER_NAME,
      Placeholders.TICKET_NUMBER,
      Placeholders.TICKET_TITLE,
      Placeholders.REASON,
      Placeholders.EXPECTED_RESOLUTION),
  TICKET_CLOSED(
      "ticket-closed",
      Audience.CUSTOMER,
      EnumSet.of(EMAIL, SMS, IN_APP),
      Placeholders.CUSTOMER_NAME,
      Placeholders.TICKET_NUMBER,
      Placeholders.TICKET_TITLE),
  SATISFACTION_SURVEY(
      "satisfaction-survey",
      Audience.CUSTOMER,
      EnumSet.of(EMAIL, SMS, IN_APP),
      Placeholders.CUSTOMER_NAME,
      Placeholders.TICKET_NUMBER,
      Placeholders.TICKET_TITLE,
      Placeholders.SURVEY_LINK,
      Placeholders.SURVEY_EXPIRES),
  STEP_READY(
      "step-ready",
      Audience.DEPARTMENT_STAFF,
      EnumSet.of(EMAIL, IN_APP),
      Placeholders.DEPARTMENT,
      Placeholders.TICKET_NUMBER,
      Placeholders.STEP_NAME,
      Placeholders.CUSTOMER_TIER,
      Placeholders.DUE_AT),
  STEP_ASSIGNED(
      "step-assigned",
      Audience.DEPARTMENT_STAFF,
      EnumSet.of(EMAIL, IN_APP),
      Placeholders.ASSIGNEE,
      Placeholders.DEPARTMENT,
      Placeholders.TICKET_NUMBER,
      Placeholders.STEP_NAME,
      Placeholders.CUSTOMER_TIER,
      Placeholders.DUE_AT),
  STEP_OVERDUE(
      "step-overdue",
      Audience.DEPARTMENT_STAFF,
      EnumSet.of(EMAIL, IN_APP),
      Placeholders.ASSIGNEE,
      Placeholders.DEPARTMENT,
      Placeholders.TICKET_NUMBER,
      Placeholders.STEP_NAME,
      Placeholders.DUE_AT,
      Placeholders.OVERDUE_BY),
  ESCALATION(
      "escalation",
      Audience.ESCALATION_CONTACT,
      EnumSet.of(EMAIL, SMS, IN_APP, WEBHOOK),
      Placeholders.CONTACT_NAME,
      Placeholders.ESCALATED_ITEM,
      Placeholders.ESCALATION_LEVEL,
      Placeholders.TICKET_NUMBER,
      Placeholders.DEPARTMENT,
      Placeholders.CUSTOMER_NAME,
      Placeholders.CUSTOMER_TIER,
      Placeholders.OVERDUE_BY),
  SLA_WARNING(
      "sla-warning",
      Audience.OWNER_AND_DEPARTMENT,
      EnumSet.of(EMAIL, IN_APP),
      Placeholders.TICKET_NUMBER,
      Placeholders.TICKET_TITLE,
      Placeholders.OWNER,
      Placeholders.DEPARTMENT,
      Placeholders.CUSTOMER_TIER,
      Placeholders.RESOLVE_BY,
      Placeholders.TIME_LEFT,
      Placeholders.TARGET_USED),
  STAFF_DIGEST(
      "staff-digest",
      Audience.DEPARTMENT_STAFF,
      EnumSet.of(EMAIL),
      Placeholders.STAFF_NAME,
      Placeholders.MESSAGE_COUNT,
      Placeholders.MESSAGES,
      Placeholders.SINCE),
  ANOMALY_DETECTED(
      "anomaly-detected",
      Audience.SUPERVISOR,
      EnumSet.of(EMAIL, IN_APP, WEBHOOK),
      Placeholders.ANOMALY,
      Placeholders.CATEGORY,
      Placeholders.REGION,
      Placeholders.OBSERVED,
      Placeholders.EXPECTED,
      Placeholders.DETECTED_AT),
  CUSTOMER_AT_RISK(
      "customer-at-risk",
      Audience.ACCOUNT_MANAGER,
      EnumSet.of(EMAIL, IN_APP),
      Placeholders.ACCOUNT_MANAGER,
      Placeholders.CUSTOMER_NAME,
      Placeholders.CUSTOMER_TIER,
      Placeholders.REASON,
      Placeholders.REASONS);

  private final String id;
  private final Audience audience;
  private final Set<Channel> channels;
  private final List<Placeholder> placeholders;

  MessageKind(String id, Audience audience, Set<Channel> channels, Placeholder... placeholders) {
    this.id = id;
    this.audience = audience;
    this.channels = channels;
    this.placeholders = List.of(placeholders);
  }

  /** The kind's name in the API, in stored templates and in the notification log. */
  public String id() {
    return id;
  }

  public Audience audience() {
    return audience;
  }

  /** The channels this kind of message can be written for. */
  public Set<Channel> channels() {
    return EnumSet.copyOf(channels);
  }

  public boolean offers(Channel channel) {
    return channels.contains(channel);
  }

  public List<Placeholder> placeholders() {
    return placeholders;
  }

  public boolean offers(String placeholder) {
    return placeholders.stream().anyMatch(offered -> offered.name().equals(placeholder));
  }

  public static Optional<MessageKind> byId(String id) {
    return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
  }
}
