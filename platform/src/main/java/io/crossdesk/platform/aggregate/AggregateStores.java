package io.crossdesk.platform.aggregate;

import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.outbox.OutboxRelay;
import io.crossdesk.platform.outbox.PendingEvents;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Makes the {@link AggregateStore} of each kind of aggregate a service keeps. */
public class AggregateStores {

  private final MongoTemplate mongo;
  private final PendingEvents pending;
  private final OutboxRelay relay;
  private final Deadlines deadlines;

  public AggregateStores(
      MongoTemplate mongo, PendingEvents pending, OutboxRelay relay, Deadlines deadlines) {
    this.mongo = mongo;
    this.pending = pending;
    this.relay = relay;
    this.deadlines = deadlines;
  }

  public <A> AggregateStore<A> of(AggregateMapping<A> mapping) {
    return of(mapping, SideWrites.none());
  }

  public <A> AggregateStore<A> of(AggregateMapping<A> mapping, SideWrites<A> sideWrites) {
    return new AggregateStore<>(mongo, pending, relay, mapping, sideWrites);
  }

  /** A store whose aggregates keep the deadlines they need in their own documents. */
  public <A> AggregateStore<A> of(AggregateMapping<A> mapping, AggregateTimers<A> timers) {
    return new AggregateStore<>(
        mongo,
        pending,
        relay,
        mapping,
        SideWrites.none(),
        timers,
        deadlines,
        AggregateStore.DEFAULT_ATTEMPTS);
  }
}
