package io.crossdesk.customer.history.messaging;

import io.crossdesk.contracts.notification.NotificationSent;
import io.crossdesk.contracts.ticket.SatisfactionRecorded;
import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.customer.history.domain.Contact;
import io.crossdesk.customer.history.domain.ContactKind;
import io.crossdesk.customer.profile.domain.Channel;
import io.crossdesk.platform.consumer.EventHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Which events are contacts with the customer, and what each one records. Adding an event kind is
 * one {@link #source} line here (and its topic in {@link ContactEventsListener}): department visits
 * and call-backs once workorder-service reports them (DEPARTMENT_VISIT, CALL_BACK).
 */
@Component
class ContactSources {

  private final List<BiConsumer<EventHandlers, Consumer<List<Contact>>>> sources =
      new ArrayList<>();

  ContactSources() {
    source(
        TicketOpened.class,
        (id, e) ->
            Optional.of(
                contact(
                    e.customerId(),
                    id,
                    channel(e.channel()),
                    ContactKind.TICKET_OPENED,
                    e.openedAt(),
                    e.title(),
                    e.ticketId(),
                    e.openedBy())));
    source(
        TicketReopened.class,
        (id, e) ->
            Optional.of(
                contact(
                    e.customerId(),
                    id,
                    channel(e.channel()),
                    ContactKind.TICKET_REOPENED,
                    e.reopenedAt(),
                    e.reason(),
                    e.ticketId(),
                    e.reopenedBy())));
    source(
        TicketResolved.class,
        (id, e) ->
            Optional.of(
                contact(
                    e.customerId(),
                    id,
                    channel(e.channel()),
                    ContactKind.TICKET_RESOLVED,
                    e.resolvedAt(),
                    e.resolution(),
                    e.ticketId(),
                    e.resolvedBy())));
    source(
        TicketClosed.class,
        (id, e) ->
            "CONFIRMED".equals(e.reason())
                ? Optional.of(
                    contact(
                        e.customerId(),
                        id,
                        Channel.SYSTEM,
                        ContactKind.RESOLUTION_CONFIRMED,
                        e.closedAt(),
                        "Resolution confirmed",
                        e.ticketId(),
                        e.closedBy()))
                : Optional.empty());
    source(
        SatisfactionRecorded.class,
        (id, e) ->
            Optional.of(
                contact(
                    e.customerId(),
                    id,
                    Channel.SYSTEM,
                    ContactKind.SURVEY_ANSWERED,
                    e.recordedAt(),
                    "Satisfaction "
                        + e.score()
                        + "/5"
                        + (e.comment() == null ? "" : ": " + e.comment()),
                    e.ticketId(),
                    e.recordedBy())));
    source(
        NotificationSent.class,
        (id, e) ->
            "CUSTOMER".equals(e.recipientType()) && e.customerId() != null
                ? Optional.of(
                    contact(
                        e.customerId(),
                        id,
                        notificationChannel(e.channel()),
                        ContactKind.NOTIFICATION_SENT,
                        e.sentAt(),
                        e.summary(),
                        e.ticketId(),
                        "notification-service"))
                : Optional.empty());
  }

  /**
   * The consumer's handlers: each run of one type's events becomes its contacts, handed to {@code
   * record} at once.
   */
  EventHandlers handlers(Consumer<List<Contact>> record) {
    EventHandlers handlers = EventHandlers.reading();
    sources.forEach(source -> source.accept(handlers, record));
    return handlers;
  }

  private <T extends Record> void source(
      Class<T> type, BiFunction<String, T, Optional<Contact>> mapping) {
    sources.add(
        (handlers, record) ->
            handlers.onBatch(
                type,
                run ->
                    record.accept(
                        run.stream()
                            .flatMap(one -> mapping.apply(one.eventId(), one.data()).stream())
                            .toList())));
  }

  private static Contact contact(
      String customerId,
      String eventId,
      Channel channel,
      ContactKind kind,
      java.time.Instant at,
      String summary,
      String ticketId,
      String by) {
    String text = summary == null ? "" : summary;
    return Contact.of(
        customerId,
        eventId,
        channel,
        kind,
        at,
        text.length() > Contact.MAX_SUMMARY_LENGTH
            ? text.substring(0, Contact.MAX_SUMMARY_LENGTH)
            : text,
        ticketId,
        by);
  }

  /** The customer's channel a notification went out on; the in-app feed is the app. */
  private static Channel notificationChannel(String channel) {
    return "IN_APP".equals(channel) ? Channel.APP : channel(channel);
  }

  /** A channel name from another service; one this service does not know counts as SYSTEM. */
  private static Channel channel(String name) {
    try {
      return name == null ? Channel.SYSTEM : Channel.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return Channel.SYSTEM;
    }
  }
}
