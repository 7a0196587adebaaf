package io.crossdesk.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.analytics.kpi.domain.Counter;
import io.crossdesk.analytics.kpi.domain.CounterValue;
import io.crossdesk.analytics.kpi.domain.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CounterStoreTest {

  private static final Counter NETWORK = new Counter(Dimension.TICKETS_BY_CATEGORY, "NETWORK");
  private static final Counter HOTLINE = new Counter(Dimension.TICKETS_BY_CHANNEL, "HOTLINE");

  private final ProjectionStores stores = new ProjectionStores();
  private final CounterStore counters = new CounterStore(stores.mongo());

  @AfterEach
  void close() {
    stores.close();
  }

  @Test
  void counts_an_event_once_however_often_it_is_applied() {
    counters.count("event-1", List.of(NETWORK, HOTLINE));
    counters.count("event-1", List.of(NETWORK, HOTLINE));
    counters.count("event-2", List.of(NETWORK));

    assertThat(counters.values())
        .containsExactlyInAnyOrder(new CounterValue(NETWORK, 2), new CounterValue(HOTLINE, 1));
  }

  @Test
  void loses_no_count_when_consumers_race_to_create_and_move_a_counter() throws Exception {
    int consumers = 4;
    int eventsEach = 50;
    ExecutorService pool = Executors.newFixedThreadPool(consumers);
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int consumer = 0; consumer < consumers; consumer++) {
        String prefix = "consumer-" + consumer + "-event-";
        work.add(
            () -> {
              for (int event = 0; event < eventsEach; event++) {
                counters.count(prefix + event, List.of(NETWORK));
                counters.count(prefix + event, List.of(NETWORK));
              }
              return null;
            });
      }
      for (Future<Void> done : pool.invokeAll(work, 60, TimeUnit.SECONDS)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(counters.values())
        .containsExactly(new CounterValue(NETWORK, consumers * eventsEach));
  }

  @Test
  void remembers_a_bounded_number_of_event_ids_per_counter() {
    for (int event = 0; event < CounterStore.REMEMBERED_EVENTS + 10; event++) {
      counters.count("event-" + event, List.of(HOTLINE));
    }

    Document stored = stores.mongo().getCollection(CounterStore.COLLECTION).find().first();
    assertThat(stored.getList("recentEvents", String.class))
        .hasSize(CounterStore.REMEMBERED_EVENTS)
        .endsWith("event-" + (CounterStore.REMEMBERED_EVENTS + 9));
    assertThat(stored.get("count")).isEqualTo(CounterStore.REMEMBERED_EVENTS + 10);
  }
}
