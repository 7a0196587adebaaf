package io.crossdesk.platform.aggregate;

import io.crossdesk.platform.outbox.OutboxRelay;
import io.crossdesk.platform.outbox.PendingEvents;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Makes the {@link AggregateStore} of each kind of aggregate a service keeps. */
public class AggregateStores {

  private final MongoTemplate mongo;
  private final PendingEvents pending;
  private final OutboxRelay relay;

  public AggregateStores(MongoTemplate mongo, PendingEvents pending, OutboxRelay relay) {
    this.mongo = mongo;
    this.pending = pending;
    this.relay = relay;
  }

  public <A> AggregateStore<A> of(AggregateMapping<A> mapping) {
    return of(mapping, SideWrites.none());
  }

  public <A> AggregateStore<A> of(AggregateMapping<A> mapping, SideWrites<A> sideWrites) {
    return new AggregateStore<>(mongo, pending, relay, mapping, sideWrites);
  }
}
