package io.crossdesk.analytics.kpi.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.crossdesk.analytics.kpi.domain.BucketKey;
import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.Granularity;
import io.crossdesk.analytics.kpi.domain.KpiTotals;
import io.crossdesk.testsupport.TestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The copy of the KPI buckets against the test store, on a database of its own. */
class KpiBucketStoreTest {

  private static final String SOURCE = "crossdesk.tickets-0";
  private static final String HOUR = "2026-12-06T10";

  private static MongoClient client;
  private static MongoTemplate mongo;
  private static KpiBucketStore store;

  @BeforeAll
  static void connect() {
    String database = "kpi-" + UUID.randomUUID();
    client = MongoClients.create(TestInfrastructure.get().mongoUri(database));
    mongo = new MongoTemplate(client, database);
    store = new KpiBucketStore(mongo);
    store.register(1, SOURCE);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void a_copy_keeps_the_newest_totals_of_each_group_whatever_order_copies_arrive_in() {
    store.write(1, SOURCE, List.of(written("billing", 5, 3), written("network", 5, 1)));
    // A late copy by an instance that lost the partition: older for billing, newer for network.
    store.write(1, SOURCE, List.of(written("billing", 4, 2), written("network", 6, 2)));
    store.write(1, SOURCE, List.of(written("billing", 7, 4)));

    Map<String, KpiTotals> groups = read().get(HOUR);
    assertThat(groups.get("billing").counts()).containsEntry("opened", 4L);
    assertThat(groups.get("network").counts()).containsEntry("opened", 2L);
    assertThat(bucket().getLong("version")).isEqualTo(2L);
  }

  @Test
  void a_bucket_stored_before_buckets_had_versions_is_copied_onto() {
    BucketKey key = new BucketKey(Granularity.HOUR, "2026-12-06T11", Dimension.TIER, "A");
    String id = "1|H|2026-12-06T11|" + Dimension.TIER.id() + "|" + SOURCE;
    mongo
        .getCollection(KpiBucketStore.BUCKETS)
        .insertOne(
            new Document("_id", id)
                .append(
                    "values",
                    new Document(
                        "A",
                        new Document("seq", 1L)
                            .append("counts", new Document("opened", 1L))
                            .append("bins", new Document()))));

    store.write(1, SOURCE, List.of(new KpiBucketStore.Written(key, 2, totals(5))));

    Map<String, Map<String, KpiTotals>> read =
        store.read(1, Granularity.HOUR, List.of("2026-12-06T11"), Dimension.TIER);
    assertThat(read.get("2026-12-06T11").get("A").counts()).containsEntry("opened", 5L);
  }

  private static KpiBucketStore.Written written(String department, long seq, long opened) {
    return new KpiBucketStore.Written(
        new BucketKey(Granularity.HOUR, HOUR, Dimension.DEPARTMENT, department),
        seq,
        totals(opened));
  }

  private static KpiTotals totals(long opened) {
    return new KpiTotals(new TreeMap<>(Map.of("opened", opened)), new TreeMap<>());
  }

  private static Map<String, Map<String, KpiTotals>> read() {
    return store.read(1, Granularity.HOUR, List.of(HOUR), Dimension.DEPARTMENT);
  }

  private static Document bucket() {
    return mongo
        .getCollection(KpiBucketStore.BUCKETS)
        .find(new Document("_id", "1|H|" + HOUR + "|" + Dimension.DEPARTMENT.id() + "|" + SOURCE))
        .first();
  }
}
