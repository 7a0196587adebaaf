package io.crossdesk.platform.consumer;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.InvalidEventException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a listener does with each type of event on its topic, declared once instead of a switch that
 * reads each type's data by hand. Types without a handler are none of the listener's business and
 * are passed over; data that violates its contract is an InvalidEventException, as ever.
 *
 * <pre>
 * handlers = EventHandlers.reading(events)
 *     .on(WorkOrderRouted.class, (eventId, routed) -> ...)
 *     .on(WorkOrderCompleted.class, completed -> ...);
 * consumer.handleKeyed(CONSUMER, record, handlers);
 * </pre>
 */
public final class EventHandlers implements Consumer<EventMessage> {

  private final Events events;
  private final Map<String, Consumer<EventMessage>> byType = new HashMap<>();
  private final List<Class<? extends RuntimeException>> refusals = new ArrayList<>();

  private EventHandlers(Events events) {
    this.events = events;
  }

  public static EventHandlers reading(Events events) {
    return new EventHandlers(events);
  }

  /** Handles {@code dataType}'s events with their id, for effects keyed by the event. */
  public <T extends Record> EventHandlers on(Class<T> dataType, BiConsumer<String, T> handler) {
    String type = EventCatalogue.of(dataType).type();
    if (byType.putIfAbsent(
            type, event -> handler.accept(event.eventId(), events.read(event, dataType)))
        != null) {
      throw new IllegalStateException("two handlers for " + type);
    }
    return this;
  }

  public <T extends Record> EventHandlers on(Class<T> dataType, Consumer<T> handler) {
    return on(dataType, (eventId, data) -> handler.accept(data));
  }

  /**
   * Failures that a retry cannot change (an illegal move stays illegal): the record goes to the
   * dead-letter topic at once, with the reason, instead of being retried first.
   */
  @SafeVarargs
  public final EventHandlers refusing(Class<? extends RuntimeException>... failures) {
    for (Class<? extends RuntimeException> failure : failures) {
      refusals.add(failure);
    }
    return this;
  }

  @Override
  public void accept(EventMessage event) {
    Consumer<EventMessage> handler = byType.get(event.type());
    if (handler == null) {
      return;
    }
    try {
      handler.accept(event);
    } catch (RuntimeException failure) {
      if (refusals.stream().anyMatch(refusal -> refusal.isInstance(failure))) {
        throw new InvalidEventException(
            "event " + event.eventId() + " refused: " + failure.getMessage(), failure);
      }
      throw failure;
    }
  }
}
