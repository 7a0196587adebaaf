package io.crossdesk.contracts;

import io.crossdesk.contracts.analytics.AnomalyDetected;
import io.crossdesk.contracts.analytics.CustomerAtRisk;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.customer.CustomerTierChanged;
import io.crossdesk.contracts.customer.CustomerUpdated;
import io.crossdesk.contracts.intake.TicketRequested;
import io.crossdesk.contracts.notification.NotificationFailed;
import io.crossdesk.contracts.notification.NotificationSent;
import io.crossdesk.contracts.notification.SurveyAnswered;
import io.crossdesk.contracts.ticket.SatisfactionRecorded;
import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketEscalated;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReclassified;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.contracts.ticket.TicketStatusChanged;
import io.crossdesk.contracts.ticket.TicketWaitingForCustomer;
import io.crossdesk.contracts.workorder.ComplaintResolved;
import io.crossdesk.contracts.workorder.RoutingConfigurationChanged;
import io.crossdesk.contracts.workorder.StepResult;
import io.crossdesk.contracts.workorder.WorkOrderClosed;
import io.crossdesk.contracts.workorder.WorkOrderCompleted;
import io.crossdesk.contracts.workorder.WorkOrderEscalated;
import io.crossdesk.contracts.workorder.WorkOrderResolved;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.contracts.workorder.WorkOrderStepAssigned;
import io.crossdesk.contracts.workorder.WorkOrderStepCompleted;
import io.crossdesk.contracts.workorder.WorkOrderStepReturned;
import io.crossdesk.contracts.workorder.WorkOrderStepStarted;
import io.crossdesk.contracts.workorder.WorkOrderStepWithdrawn;
import io.crossdesk.contracts.workorder.WorkOrderTransferred;
import java.util.List;
import java.util.Optional;

/** Every event type Crossdesk produces or accepts, in one place. */
public final class EventCatalogue {

  public static final List<EventContract> ALL =
      List.of(
          new EventContract(
              EventTypes.CUSTOMER_REGISTERED, Topics.CUSTOMERS, CustomerRegistered.class),
          new EventContract(EventTypes.CUSTOMER_UPDATED, Topics.CUSTOMERS, CustomerUpdated.class),
          new EventContract(
              EventTypes.CUSTOMER_TIER_CHANGED, Topics.CUSTOMERS, CustomerTierChanged.class),
          new EventContract(EventTypes.TICKET_REQUESTED, Topics.INTAKE, TicketRequested.class),
          new EventContract(EventTypes.TICKET_OPENED, Topics.TICKETS, TicketOpened.class),
          new EventContract(EventTypes.TICKET_ESCALATED, Topics.TICKETS, TicketEscalated.class),
          new EventContract(EventTypes.TICKET_RESOLVED, Topics.TICKETS, TicketResolved.class),
          new EventContract(EventTypes.TICKET_CLOSED, Topics.TICKETS, TicketClosed.class),
          new EventContract(EventTypes.TICKET_REOPENED, Topics.TICKETS, TicketReopened.class),
          new EventContract(
              EventTypes.TICKET_WAITING_FOR_CUSTOMER,
              Topics.TICKETS,
              TicketWaitingForCustomer.class),
          new EventContract(
              EventTypes.TICKET_STATUS_CHANGED, Topics.TICKETS, TicketStatusChanged.class),
          new EventContract(
              EventTypes.TICKET_RECLASSIFIED, Topics.TICKETS, TicketReclassified.class),
          new EventContract(
              EventTypes.SATISFACTION_RECORDED, Topics.TICKETS, SatisfactionRecorded.class),
          new EventContract(EventTypes.WORKORDER_ROUTED, Topics.WORKORDERS, WorkOrderRouted.class),
          new EventContract(
              EventTypes.WORKORDER_COMPLETED, Topics.WORKORDERS, WorkOrderCompleted.class),
          new EventContract(
              EventTypes.WORKORDER_RESOLVED, Topics.WORKORDERS, WorkOrderResolved.class),
          new EventContract(
              EventTypes.COMPLAINT_RESOLVED, Topics.WORKORDERS, ComplaintResolved.class),
          new EventContract(
              EventTypes.WORKORDER_STEP_STARTED, Topics.WORKORDERS, WorkOrderStepStarted.class),
          new EventContract(
              EventTypes.WORKORDER_STEP_ASSIGNED, Topics.WORKORDERS, WorkOrderStepAssigned.class),
          new EventContract(
              EventTypes.WORKORDER_STEP_COMPLETED, Topics.WORKORDERS, WorkOrderStepCompleted.class),
          new EventContract(
              EventTypes.WORKORDER_STEP_RETURNED, Topics.WORKORDERS, WorkOrderStepReturned.class),
          new EventContract(
              EventTypes.WORKORDER_TRANSFERRED, Topics.WORKORDERS, WorkOrderTransferred.class),
          new EventContract(
              EventTypes.WORKORDER_ESCALATED, Topics.WORKORDERS, WorkOrderEscalated.class),
          new EventContract(
              EventTypes.WORKORDER_STEP_WITHDRAWN, Topics.WORKORDERS, WorkOrderStepWithdrawn.class),
          new EventContract(EventTypes.WORKORDER_CLOSED, Topics.WORKORDERS, WorkOrderClosed.class),
          new EventContract(
              EventTypes.ROUTING_CONFIGURATION_CHANGED,
              Topics.WORKORDERS,
              RoutingConfigurationChanged.class),
          new EventContract(
              EventTypes.WORKORDER_STEP_RESULT, Topics.WORKORDER_RESULTS, StepResult.class),
          new EventContract(
              EventTypes.NOTIFICATION_SENT, Topics.NOTIFICATIONS, NotificationSent.class),
          new EventContract(
              EventTypes.NOTIFICATION_FAILED, Topics.NOTIFICATIONS, NotificationFailed.class),
          new EventContract(EventTypes.SURVEY_ANSWERED, Topics.SURVEYS, SurveyAnswered.class),
          new EventContract(EventTypes.ANOMALY_DETECTED, Topics.ANALYTICS, AnomalyDetected.class),
          new EventContract(EventTypes.CUSTOMER_AT_RISK, Topics.ANALYTICS, CustomerAtRisk.class));

  private EventCatalogue() {}

  public static Optional<EventContract> byType(String type) {
    return ALL.stream().filter(contract -> contract.type().equals(type)).findFirst();
  }

  public static EventContract of(Class<? extends Record> dataType) {
    return ALL.stream()
        .filter(contract -> contract.dataType().equals(dataType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Not an event contract: " + dataType));
  }
}
