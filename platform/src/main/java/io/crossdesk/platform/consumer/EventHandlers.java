package io.crossdesk.platform.consumer;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.InvalidEventException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a consumer does with each type of event on its topics, and how a redelivery is made
 * harmless, declared once; {@link IdempotentConsumer} enforces it. Types without a handler are none
 * of the consumer's business and are passed over; data that violates its contract is an
 * InvalidEventException, which goes to the dead-letter topic at once.
 *
 * <ul>
 *   <li>{@link #on}: one event at a time; the effect is keyed by the event (a unique key derived
 *       from it, an upsert by id, a guarded state transition), so a replay changes nothing by
 *       construction and no ledger is read or written.
 *   <li>{@link #onBatch}: the same, for consecutive events of one type at once, so their effects
 *       are written in bulk.
 *   <li>{@link #once}: the platform records the ids of the events handled and skips any it sees
 *       again; one look-up and one bulk insert per run of such events in a batch. The record is
 *       written after the handler succeeds, so a crash in between replays the event.
 * </ul>
 *
 * <pre>
 * handlers = EventHandlers.reading()
 *     .on(WorkOrderRouted.class, (eventId, routed) -> ...)
 *     .onBatch(TicketOpened.class, opened -> ...)
 *     .refusing(TicketConflictException.class);
 * consumer.handle(CONSUMER, records, handlers);
 * </pre>
 */
public final class EventHandlers {

  enum Dedup {
    KEYED,
    RECORDED
  }

  /**
   * How one event type is handled: its data type, its de-duplication, and whether the handler takes
   * a whole run of events or one at a time (a list of one).
   */
  record Handling(
      Class<? extends Record> dataType,
      Dedup dedup,
      boolean bulk,
      Consumer<List<Delivered<?>>> handler) {}

  private final Map<String, Handling> byType = new HashMap<>();
  private final List<Class<? extends RuntimeException>> refusals = new ArrayList<>();
  private boolean rejectOthers;
  private Predicate<String> wanted = type -> true;

  private EventHandlers() {}

  public static EventHandlers reading() {
    return new EventHandlers();
  }

  /** Handles {@code dataType}'s events one at a time, with their id; the effect is keyed. */
  public <T extends Record> EventHandlers on(Class<T> dataType, BiConsumer<String, T> handler) {
    return declare(dataType, Dedup.KEYED, false, each(handler));
  }

  public <T extends Record> EventHandlers on(Class<T> dataType, Consumer<T> handler) {
    return on(dataType, (eventId, data) -> handler.accept(data));
  }

  /** As {@link #on}, for handlers that need more of the event than its id (its source, say). */
  @SuppressWarnings("unchecked")
  public <T extends Record> EventHandlers onEvent(
      Class<T> dataType, Consumer<Delivered<T>> handler) {
    return declare(
        dataType,
        Dedup.KEYED,
        false,
        run -> run.forEach(one -> handler.accept((Delivered<T>) one)));
  }

  /**
   * Handles runs of consecutive {@code dataType} events of a batch at once; the effect is keyed, so
   * the run may be handed over again, whole or in part, after a failure.
   */
  @SuppressWarnings("unchecked")
  public <T extends Record> EventHandlers onBatch(
      Class<T> dataType, Consumer<List<Delivered<T>>> handler) {
    return declare(
        dataType, Dedup.KEYED, true, run -> handler.accept((List<Delivered<T>>) (List<?>) run));
  }

  /** Handles {@code dataType}'s events one at a time, each once: the platform keeps the ledger. */
  public <T extends Record> EventHandlers once(Class<T> dataType, BiConsumer<String, T> handler) {
    return declare(dataType, Dedup.RECORDED, false, each(handler));
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

  /**
   * For topics that carry only the declared types: any other type is an invalid event (to the
   * dead-letter topic) instead of being passed over.
   */
  public EventHandlers rejectingOtherTypes() {
    rejectOthers = true;
    return this;
  }

  /**
   * For consumers whose interest changes at run time (subscriptions, say): events of a declared
   * type that {@code types} does not want at the moment are passed over before their data is read.
   */
  public EventHandlers wanting(Predicate<String> types) {
    wanted = types;
    return this;
  }

  /**
   * How events of {@code type} are handled; null for types passed over.
   *
   * @throws InvalidEventException for an undeclared type when others are rejected
   */
  Handling handlingOf(EventMessage event) {
    Handling handling = byType.get(event.type());
    if (handling != null && !wanted.test(event.type())) {
      return null;
    }
    if (handling == null && rejectOthers) {
      throw new InvalidEventException(
          event.topic() + " takes " + byType.keySet() + " only, not " + event.type());
    }
    return handling;
  }

  /** A failure as the consumer must see it: refused ones become invalid events. */
  RuntimeException classify(EventMessage event, RuntimeException failure) {
    if (refusals.stream().anyMatch(refusal -> refusal.isInstance(failure))) {
      return new InvalidEventException(
          "event " + event.eventId() + " refused: " + failure.getMessage(), failure);
    }
    return failure;
  }

  private EventHandlers declare(
      Class<? extends Record> dataType,
      Dedup dedup,
      boolean bulk,
      Consumer<List<Delivered<?>>> handler) {
    String type = EventCatalogue.of(dataType).type();
    if (byType.putIfAbsent(type, new Handling(dataType, dedup, bulk, handler)) != null) {
      throw new IllegalStateException("two handlers for " + type);
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  private static <T> Consumer<List<Delivered<?>>> each(BiConsumer<String, T> handler) {
    return run -> {
      for (Delivered<?> one : run) {
        handler.accept(one.eventId(), (T) one.data());
      }
    };
  }
}
