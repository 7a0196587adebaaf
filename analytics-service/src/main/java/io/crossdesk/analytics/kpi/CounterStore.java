package io.crossdesk.analytics.kpi;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.crossdesk.analytics.kpi.domain.Counter;
import io.crossdesk.analytics.kpi.domain.CounterValue;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counters moved by atomic {@code $inc} upserts, so that concurrent consumers and instances never
 * lose a count. Each update also checks and remembers the event id in the counter's own document:
 * an event replayed after a crash (counted, but not yet marked processed) is not counted again.
 */
@Component
class CounterStore {

  static final String COLLECTION = "kpi_counters";

  /**
   * How many event ids a counter remembers. A replay comes right after the crash that caused it, so
   * the window only has to cover the events counted meanwhile by the other consumers.
   */
  static final int REMEMBERED_EVENTS = 500;

  private static final String RECENT_EVENTS = "recentEvents";

  private final MongoTemplate mongo;

  CounterStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  void count(String eventId, List<Counter> counters) {
    counters.forEach(counter -> increment(eventId, counter));
  }

  private void increment(String eventId, Counter counter) {
    Query notYetCounted = Query.query(where("_id").is(counter.id()).and(RECENT_EVENTS).ne(eventId));
    Update countOnce =
        new Update()
            .inc("count", 1)
            .setOnInsert("dimension", counter.dimension().name())
            .setOnInsert("key", counter.key())
            .push(RECENT_EVENTS)
            .slice(-REMEMBERED_EVENTS)
            .each(eventId);
    try {
      mongo.upsert(notYetCounted, countOnce, COLLECTION);
    } catch (DuplicateKeyException counterExists) {
      // The upsert found no document to update and tried to create the counter: either the event
      // was counted already, or another consumer created the counter meanwhile. Now that the
      // counter surely exists, a plain update tells the two apart.
      mongo.updateFirst(notYetCounted, countOnce, COLLECTION);
    }
  }

  List<CounterValue> values() {
    Query withoutEventIds = new Query();
    withoutEventIds.fields().exclude(RECENT_EVENTS);
    return mongo.find(withoutEventIds, CounterDocument.class).stream()
        .map(CounterDocument::toValue)
        .toList();
  }
}
