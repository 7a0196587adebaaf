package io.crossdesk.platform.aggregate;

import io.crossdesk.platform.events.EventMessage;
import java.util.List;

/**
 * What a decision made of an aggregate: its new state and the events that announce it, or nothing
 * at all ({@link #none}), in which case nothing is written.
 */
public record Change<A>(A after, List<EventMessage> events, boolean changed) {

  public Change {
    events = List.copyOf(events);
  }

  public static <A> Change<A> of(A after, EventMessage... events) {
    return new Change<>(after, List.of(events), true);
  }

  public static <A> Change<A> of(A after, List<EventMessage> events) {
    return new Change<>(after, events, true);
  }

  public static <A> Change<A> none(A unchanged) {
    return new Change<>(unchanged, List.of(), false);
  }
}
