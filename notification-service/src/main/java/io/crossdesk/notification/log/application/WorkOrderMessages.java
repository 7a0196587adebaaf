package io.crossdesk.notification.log.application;

import io.crossdesk.contracts.workorder.WorkOrderEscalated;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.contracts.workorder.WorkOrderStepAssigned;
import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.contact.persistence.ContactDirectory;
import io.crossdesk.notification.log.domain.DeliveryAddress;
import io.crossdesk.notification.log.domain.Moments;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.Occasion;
import io.crossdesk.notification.log.domain.RecipientType;
import io.crossdesk.notification.log.domain.TicketFacts;
import io.crossdesk.notification.log.persistence.TicketFactsStore;
import io.crossdesk.notification.template.application.TemplateCatalogue;
import io.crossdesk.notification.template.application.Templates;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.platform.consumer.Delivered;
import io.crossdesk.platform.consumer.Overtaken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The messages work-order events cause: the customer hears which department their ticket went to
 * and when it should be done, the department that a step is ready in its queue, and the escalation
 * contact of a step's department that the step is late.
 *
 * <p>Work-order events name the ticket by id; its number and title come from the ticket's opening,
 * which travels on another topic, and the customer hears of a routing after the opening's
 * acknowledgement. An event that overtook its opening waits for it: in place for up to two seconds,
 * then through the consumer's retries, for {@value #WAIT_MINUTES} minutes; after that the message
 * names the ticket with what the routing carries (its number and title), or by id.
 */
@Component
public class WorkOrderMessages {

  static final int WAIT_MINUTES = 2;

  private final ContactDirectory contacts;
  private final TicketFactsStore tickets;
  private final TemplateCatalogue templates;
  private final MessageWriter writer;
  private final Deliveries deliveries;
  private final Clock clock;

  WorkOrderMessages(
      ContactDirectory contacts,
      TicketFactsStore tickets,
      TemplateCatalogue templates,
      MessageWriter writer,
      Deliveries deliveries,
      Clock clock) {
    this.contacts = contacts;
    this.tickets = tickets;
    this.templates = templates;
    this.writer = writer;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  public void routed(List<Delivered<WorkOrderRouted>> routed) {
    // The customer hears of the routing after the acknowledgement: the opening's facts are kept
    // once its messages are sent. A routing whose opening never comes names the ticket itself.
    Map<String, TicketFacts> facts =
        new HashMap<>(factsOf(routed.stream().map(d -> d.data().ticketId()).toList(), routed));
    for (Delivered<WorkOrderRouted> one : routed) {
      WorkOrderRouted w = one.data();
      if (!facts.containsKey(w.ticketId()) && w.ticketNumber() != null) {
        facts.put(
            w.ticketId(),
            TicketFacts.opened(
                w.ticketId(),
                w.ticketNumber(),
                w.ticketTitle(),
                w.customerId(),
                w.customerTier(),
                w.priority(),
                null));
      }
    }
    Map<String, Contact> known =
        contacts.findAll(routed.stream().map(d -> d.data().customerId()).toList());
    Templates inForce = templates.current();
    List<Notification> written = new ArrayList<>();
    for (Delivered<WorkOrderRouted> one : routed) {
      WorkOrderRouted w = one.data();
      TicketFacts ticket = facts.get(w.ticketId());
      Optional<Contact> contact = Optional.ofNullable(known.get(w.customerId()));
      boolean urgent = ticket != null && ticket.urgent();
      Occasion occasion =
          new Occasion(one.eventId(), w.routedAt(), w.customerId(), w.ticketId(), urgent);
      String departmentName = w.departmentName() != null ? w.departmentName() : w.department();
      written.addAll(
          writer.toCustomer(
              inForce,
              occasion,
              MessageKind.TICKET_PASSED_TO_DEPARTMENT,
              contact,
              locale -> {
                Map<String, String> values = ticket(ticket, w.ticketId());
                values.put("customerName", contact.map(Contact::name).orElse(null));
                values.put(
                    "department",
                    w.departmentNames() == null
                        ? departmentName
                        : w.departmentNames().getOrDefault(locale, departmentName));
                values.put(
                    "expectedCompletion",
                    Moments.at(
                        w.expectedCompletion() != null ? w.expectedCompletion() : w.dueAt(),
                        locale));
                return values;
              }));
      written.addAll(
          writer.toStaff(
              inForce,
              occasion,
              MessageKind.STEP_READY,
              List.of(DeliveryAddress.feed(RecipientType.DEPARTMENT, w.department())),
              locale -> {
                Map<String, String> values = ticket(ticket, w.ticketId());
                values.put("department", departmentName);
                values.put("stepName", w.stepName());
                values.put("customerTier", ticket == null ? null : ticket.customerTier());
                values.put("dueAt", Moments.at(w.dueAt(), locale));
                return values;
              }));
    }
    deliveries.deliver(written);
  }

  /**
   * A step given to a member of staff by their department's intake rule: they hear it is theirs, in
   * their feed and as their preferences say.
   */
  public void assigned(List<Delivered<WorkOrderStepAssigned>> assigned) {
    Map<String, TicketFacts> facts =
        factsOf(assigned.stream().map(d -> d.data().ticketId()).toList(), assigned);
    Templates inForce = templates.current();
    List<Notification> written = new ArrayList<>();
    for (Delivered<WorkOrderStepAssigned> one : assigned) {
      WorkOrderStepAssigned w = one.data();
      TicketFacts ticket = facts.get(w.ticketId());
      Occasion occasion =
          new Occasion(
              one.eventId(),
              w.assignedAt(),
              w.customerId(),
              w.ticketId(),
              ticket != null && ticket.urgent());
      written.addAll(
          writer.toStaff(
              inForce,
              occasion,
              MessageKind.STEP_ASSIGNED,
              List.of(DeliveryAddress.feed(RecipientType.STAFF, w.assignee())),
              locale -> {
                Map<String, String> values = ticket(ticket, w.ticketId());
                values.put("assignee", w.assignee());
                values.put("department", w.department());
                values.put("stepName", w.stepName());
                values.put("customerTier", ticket == null ? null : ticket.customerTier());
                values.put("dueAt", Moments.at(w.dueAt(), locale));
                return values;
              }));
    }
    deliveries.deliver(written);
  }

  /**
   * A step escalated: the department's escalation contact of the level (an e-mail address, a phone
   * number or a user name) hears of it, whatever the hour. The department's feed gets the
   * escalation too before the step's due time, and "step overdue" once it is past.
   */
  public void escalated(List<Delivered<WorkOrderEscalated>> escalated) {
    Map<String, TicketFacts> facts =
        factsOf(escalated.stream().map(d -> d.data().ticketId()).toList(), escalated);
    Map<String, Contact> known =
        contacts.findAll(escalated.stream().map(d -> d.data().customerId()).toList());
    Templates inForce = templates.current();
    List<Notification> written = new ArrayList<>();
    for (Delivered<WorkOrderEscalated> one : escalated) {
      WorkOrderEscalated w = one.data();
      TicketFacts ticket = facts.get(w.ticketId());
      List<DeliveryAddress> to = new ArrayList<>();
      if (w.contact() != null && !w.contact().isBlank()) {
        to.add(DeliveryAddress.contact(w.contact()));
      }
      Optional<Contact> customer = Optional.ofNullable(known.get(w.customerId()));
      Occasion occasion =
          new Occasion(one.eventId(), w.escalatedAt(), w.customerId(), w.ticketId(), true);
      List<DeliveryAddress> department =
          List.of(DeliveryAddress.feed(RecipientType.DEPARTMENT, w.department()));
      if (w.breached()) {
        written.addAll(
            writer.toStaff(
                inForce,
                occasion,
                MessageKind.STEP_OVERDUE,
                department,
                locale -> {
                  Map<String, String> values = ticket(ticket, w.ticketId());
                  values.put("assignee", null);
                  values.put("department", w.department());
                  values.put("stepName", w.stepName());
                  values.put("dueAt", Moments.at(w.dueAt(), locale));
                  values.put("overdueBy", Moments.between(w.dueAt(), w.escalatedAt(), locale));
                  return values;
                }));
      } else {
        to.addAll(department);
      }
      written.addAll(
          writer.toStaff(
              inForce,
              occasion,
              MessageKind.ESCALATION,
              to,
              locale -> {
                Map<String, String> values = ticket(ticket, w.ticketId());
                values.put("contactName", w.contact() != null ? w.contact() : w.department());
                values.put("escalatedItem", "step \"" + w.stepName() + "\"");
                values.put("escalationLevel", Integer.toString(w.level()));
                values.put("department", w.department());
                values.put("customerName", customer.map(Contact::name).orElse(null));
                values.put("customerTier", w.customerTier());
                values.put("overdueBy", Moments.between(w.dueAt(), w.escalatedAt(), locale));
                return values;
              }));
    }
    deliveries.deliver(written);
  }

  /**
   * The tickets' facts; a ticket that an event younger than {@value #WAIT_MINUTES} minutes names is
   * waited for while it is unknown, since its opening may be a moment behind.
   */
  private Map<String, TicketFacts> factsOf(
      List<String> ticketIds, List<? extends Delivered<?>> run) {
    Instant waitUntil = clock.instant().minus(Duration.ofMinutes(WAIT_MINUTES));
    Set<String> young = new HashSet<>();
    for (int i = 0; i < run.size(); i++) {
      Instant time = run.get(i).event().time();
      if (time != null && time.isAfter(waitUntil)) {
        young.add(ticketIds.get(i));
      }
    }
    return Overtaken.findAll(ticketIds, tickets::findAll, young::contains);
  }

  private static Map<String, String> ticket(TicketFacts ticket, String ticketId) {
    Map<String, String> values = new HashMap<>();
    values.put("ticketNumber", ticket == null ? ticketId : ticket.reference());
    values.put("ticketTitle", ticket == null ? null : ticket.title());
    return values;
  }
}
