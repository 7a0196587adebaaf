package io.crossdesk.notification.log.application;

import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketEscalated;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.contracts.ticket.TicketWaitingForCustomer;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The messages ticket events cause: to the customer when their ticket is received, waits for them,
 * is resolved, reopened or closed; to the owner and the department when its SLA is at risk or it is
 * escalated. Each run of one type of event is written with one contact look-up and delivered in one
 * batch.
 */
@Component
public class TicketMessages {

  private final ContactDirectory contacts;
  private final TicketFactsStore tickets;
  private final TemplateCatalogue templates;
  private final MessageWriter writer;
  private final Deliveries deliveries;
  private final Duration confirmWithin;

  TicketMessages(
      ContactDirectory contacts,
      TicketFactsStore tickets,
      TemplateCatalogue templates,
      MessageWriter writer,
      Deliveries deliveries,
      NotificationProperties properties) {
    this.contacts = contacts;
    this.tickets = tickets;
    this.templates = templates;
    this.writer = writer;
    this.deliveries = deliveries;
    this.confirmWithin = properties.confirmWithin();
  }

  public void opened(List<Delivered<TicketOpened>> opened) {
    toCustomers(
        opened,
        TicketOpened::customerId,
        t -> TicketFacts.urgent(t.customerTier(), t.priority()),
        MessageKind.TICKET_RECEIVED,
        (t, contact) ->
            locale -> {
              Map<String, String> values = ticket(t.ticketNumber(), t.ticketId(), t.title());
              values.put("customerName", contact.map(Contact::name).orElse(null));
              values.put("expectedResolution", Moments.at(t.resolveBy(), locale));
              return values;
            },
        TicketOpened::ticketId);
    // Kept once the acknowledgements are sent: a routing waits for these facts, so the customer
    // hears of the routing after the acknowledgement.
    tickets.keepAll(
        opened.stream()
            .map(Delivered::data)
            .map(
                t ->
                    TicketFacts.opened(
                        t.ticketId(),
                        t.ticketNumber(),
                        t.title(),
                        t.customerId(),
                        t.customerTier(),
                        t.priority(),
                        t.owner()))
            .toList());
  }

  public void resolved(List<Delivered<TicketResolved>> resolved) {
    Map<String, TicketFacts> facts = facts(resolved.stream().map(d -> d.data().ticketId()));
    toCustomers(
        resolved,
        TicketResolved::customerId,
        t -> Optional.ofNullable(facts.get(t.ticketId())).map(TicketFacts::urgent).orElse(false),
        MessageKind.TICKET_RESOLVED,
        (t, contact) ->
            locale -> {
              Map<String, String> values =
                  ticket(t.ticketNumber(), t.ticketId(), title(facts, t.ticketId()));
              values.put("customerName", contact.map(Contact::name).orElse(null));
              values.put("resolution", t.resolution());
              values.put("respondBy", Moments.at(t.resolvedAt().plus(confirmWithin), locale));
              return values;
            },
        TicketResolved::ticketId);
  }

  public void reopened(List<Delivered<TicketReopened>> reopened) {
    toCustomers(
        reopened,
        TicketReopened::customerId,
        t -> TicketFacts.urgent(t.customerTier(), t.priority()),
        MessageKind.TICKET_REOPENED,
        (t, contact) ->
            locale -> {
              Map<String, String> values = ticket(t.ticketNumber(), t.ticketId(), t.title());
              values.put("customerName", contact.map(Contact::name).orElse(null));
              values.put("reason", t.reason());
              values.put("expectedResolution", Moments.at(t.resolveBy(), locale));
              return values;
            },
        TicketReopened::ticketId);
  }

  /** The desk needs something from the customer: what, and that the clock waits for them. */
  public void waitingForCustomer(List<Delivered<TicketWaitingForCustomer>> waiting) {
    Map<String, TicketFacts> facts = facts(waiting.stream().map(d -> d.data().ticketId()));
    toCustomers(
        waiting,
        TicketWaitingForCustomer::customerId,
        t -> TicketFacts.urgent(t.customerTier(), t.priority()),
        MessageKind.WAITING_FOR_CUSTOMER,
        (t, contact) ->
            locale -> {
              Map<String, String> values =
                  ticket(t.ticketNumber(), t.ticketId(), title(facts, t.ticketId()));
              values.put("customerName", contact.map(Contact::name).orElse(null));
              values.put("neededFromCustomer", t.needed());
              return values;
            },
        TicketWaitingForCustomer::ticketId);
  }

  public void closed(List<Delivered<TicketClosed>> closed) {
    Map<String, TicketFacts> facts = facts(closed.stream().map(d -> d.data().ticketId()));
    toCustomers(
        closed,
        TicketClosed::customerId,
        t -> false,
        MessageKind.TICKET_CLOSED,
        (t, contact) ->
            locale -> {
              Map<String, String> values =
                  ticket(t.ticketNumber(), t.ticketId(), title(facts, t.ticketId()));
              values.put("customerName", contact.map(Contact::name).orElse(null));
              return values;
            },
        TicketClosed::ticketId);
  }

  /**
   * An escalated ticket. Before its resolution target is reached (the SLA policy's escalation
   * thresholds below 100%, 75% by default) it is an SLA warning to its owner and its department:
   * time is running out, and still left. At or after the target, or when someone escalated it by
   * hand, it is an escalation. Either goes to their feeds, whatever the hour.
   */
  public void escalated(List<Delivered<TicketEscalated>> escalated) {
    Templates inForce = templates.current();
    Map<String, TicketFacts> facts = facts(escalated.stream().map(d -> d.data().ticketId()));
    Map<String, Contact> known =
        contacts.findAll(escalated.stream().map(d -> d.data().customerId()).toList());
    List<Notification> written = new ArrayList<>();
    for (Delivered<TicketEscalated> one : escalated) {
      TicketEscalated t = one.data();
      List<DeliveryAddress> to = new ArrayList<>();
      if (t.owner() != null) {
        to.add(DeliveryAddress.feed(RecipientType.STAFF, t.owner()));
      }
      if (t.department() != null) {
        to.add(DeliveryAddress.feed(RecipientType.DEPARTMENT, t.department()));
      }
      Occasion occasion =
          new Occasion(one.eventId(), t.escalatedAt(), t.customerId(), t.ticketId(), true);
      boolean beforeBreach = t.thresholdPercent() != null && t.thresholdPercent() < 100;
      if (beforeBreach) {
        written.addAll(
            writer.toStaff(
                inForce,
                occasion,
                MessageKind.SLA_WARNING,
                to,
                locale -> {
                  Map<String, String> values =
                      ticket(t.ticketNumber(), t.ticketId(), title(facts, t.ticketId()));
                  values.put("owner", t.owner());
                  values.put("department", t.department());
                  values.put("customerTier", t.customerTier());
                  values.put("resolveBy", Moments.at(t.resolveBy(), locale));
                  values.put("timeLeft", Moments.until(t.escalatedAt(), t.resolveBy(), locale));
                  values.put("targetUsed", t.thresholdPercent() + "%");
                  return values;
                }));
        continue;
      }
      Optional<Contact> customer = Optional.ofNullable(known.get(t.customerId()));
      written.addAll(
          writer.toStaff(
              inForce,
              occasion,
              MessageKind.ESCALATION,
              to,
              locale -> {
                Map<String, String> values = ticket(t.ticketNumber(), t.ticketId(), null);
                values.put("contactName", t.owner() != null ? t.owner() : t.department());
                values.put("escalatedItem", "ticket " + values.get("ticketNumber"));
                values.put("escalationLevel", Integer.toString(t.level()));
                values.put("department", t.department());
                values.put("customerName", customer.map(Contact::name).orElse(null));
                values.put("customerTier", t.customerTier());
                values.put("overdueBy", Moments.between(t.resolveBy(), t.escalatedAt(), locale));
                return values;
              }));
    }
    deliveries.deliver(written);
  }

  /** The run's messages to the customers of their tickets. */
  private <E> void toCustomers(
      List<Delivered<E>> run,
      Function<E, String> customerOf,
      Function<E, Boolean> urgent,
      MessageKind kind,
      ValuesOf<E> values,
      Function<E, String> ticketOf) {
    Templates inForce = templates.current();
    Map<String, Contact> known =
        contacts.findAll(run.stream().map(one -> customerOf.apply(one.data())).toList());
    List<Notification> written = new ArrayList<>();
    for (Delivered<E> one : run) {
      E event = one.data();
      String customerId = customerOf.apply(event);
      Optional<Contact> contact = Optional.ofNullable(known.get(customerId));
      Occasion occasion =
          new Occasion(
              one.eventId(),
              one.event().time(),
              customerId,
              ticketOf.apply(event),
              urgent.apply(event));
      written.addAll(
          writer.toCustomer(inForce, occasion, kind, contact, values.of(event, contact)));
    }
    deliveries.deliver(written);
  }

  private Map<String, TicketFacts> facts(Stream<String> ticketIds) {
    return tickets.findAll(ticketIds.toList());
  }

  private static String title(Map<String, TicketFacts> facts, String ticketId) {
    return Optional.ofNullable(facts.get(ticketId)).map(TicketFacts::title).orElse(null);
  }

  private static Map<String, String> ticket(String number, String ticketId, String title) {
    Map<String, String> values = new HashMap<>();
    values.put("ticketNumber", number != null ? number : ticketId);
    values.put("ticketTitle", title);
    return values;
  }

  /** The placeholders' values for one event, per locale. */
  @FunctionalInterface
  interface ValuesOf<E> {
    Function<String, Map<String, String>> of(E event, Optional<Contact> contact);
  }
}
