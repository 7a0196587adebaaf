package io.crossdesk.platform.aggregate;

import java.util.List;
import java.util.Set;

/**
 * The deadlines an aggregate needs, derived from its state: its SLA's next escalation threshold,
 * the auto-close of a resolved ticket, each open step's OLA. The {@link AggregateStore} asks after
 * every decision and writes the answer into the aggregate's own document, in the same write as the
 * state and the events; a deadline the new state no longer needs is dropped there and never fires,
 * and one whose due time and data come out as stored stays as it is. The deadlines' handlers are
 * the {@link io.crossdesk.platform.deadline.DeadlineHandler} beans of their kinds.
 */
public interface AggregateTimers<A> {

  AggregateTimers<Object> NONE =
      new AggregateTimers<>() {
        @Override
        public Set<String> kinds() {
          return Set.of();
        }

        @Override
        public List<Timer> of(Object aggregate) {
          return List.of();
        }
      };

  @SuppressWarnings("unchecked")
  static <A> AggregateTimers<A> none() {
    return (AggregateTimers<A>) NONE;
  }

  /** Every kind {@link #of} may give: the deadlines of these kinds are kept in the aggregates. */
  Set<String> kinds();

  /** The deadlines the aggregate needs in this state, at most one per kind and name. */
  List<Timer> of(A aggregate);
}
