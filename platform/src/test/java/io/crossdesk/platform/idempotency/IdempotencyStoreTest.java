package io.crossdesk.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.crossdesk.platform.idempotency.IdempotencyStore.Claim;
import io.crossdesk.platform.idempotency.IdempotencyStore.Claimed;
import io.crossdesk.platform.idempotency.IdempotencyStore.InProgress;
import io.crossdesk.platform.idempotency.IdempotencyStore.Replay;
import io.crossdesk.platform.idempotency.IdempotencyStore.Reused;
import io.crossdesk.testsupport.MutableClock;
import io.crossdesk.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class IdempotencyStoreTest {

  private static final Duration RETENTION = Duration.ofHours(24);
  private static final Duration IN_PROGRESS_TIMEOUT = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final String database = "idem-" + UUID.randomUUID().toString().substring(0, 8);
  private final MongoClient client =
      MongoClients.create(TestInfrastructure.get().mongoUri(database));
  private final MongoTemplate mongo = new MongoTemplate(client, database);
  private final IdempotencyStore store =
      new IdempotencyStore(mongo, RETENTION, IN_PROGRESS_TIMEOUT, clock);
  private final IdempotencyPurge purge =
      new IdempotencyPurge(
          mongo,
          new IdempotencyProperties(true, RETENTION, Duration.ofHours(1), IN_PROGRESS_TIMEOUT),
          clock);

  @AfterEach
  void close() {
    purge.stop();
    client.close();
  }

  @Test
  void keys_older_than_the_retention_are_purged_and_younger_ones_kept() {
    for (int i = 0; i < 3; i++) {
      answered("old-" + i);
    }
    clock.advance(Duration.ofHours(23));
    answered("recent");
    clock.advance(Duration.ofHours(1).plusSeconds(1));

    assertThat(purge.purge()).isEqualTo(3);

    List<Object> left = new ArrayList<>();
    mongo.getCollection(IdempotencyStore.COLLECTION).find().forEach(d -> left.add(d.get("_id")));
    assertThat(left).containsExactly("recent");
  }

  @Test
  void a_key_past_its_retention_counts_as_new_even_before_the_purge_removes_it() {
    answered("k");
    clock.advance(RETENTION);

    assertThat(store.claim("k", "another request")).isInstanceOf(Claimed.class);
  }

  @Test
  void a_key_is_replayed_refused_or_busy_as_its_record_says() {
    Claimed first = (Claimed) store.claim("k", "request");

    assertThat(store.claim("k", "request")).isInstanceOf(InProgress.class);
    assertThat(store.claim("k", "another request")).isInstanceOf(Reused.class);
    store.complete(first, answer("created"));
    Claim retry = store.claim("k", "request");
    assertThat(retry).isInstanceOf(Replay.class);
    assertThat(new String(((Replay) retry).answer().body(), StandardCharsets.UTF_8))
        .isEqualTo("created");
    assertThat(((Replay) retry).answer().headers()).containsEntry("Location", "/orders/created");
  }

  @Test
  void a_request_that_never_finished_gives_its_key_up_and_cannot_overwrite_its_successor() {
    Claimed lost = (Claimed) store.claim("k", "request");
    clock.advance(IN_PROGRESS_TIMEOUT);

    Claimed successor = (Claimed) store.claim("k", "request");
    store.complete(successor, answer("successor"));
    store.complete(lost, answer("lost"));
    store.release(lost);

    Replay replay = (Replay) store.claim("k", "request");
    assertThat(new String(replay.answer().body(), StandardCharsets.UTF_8)).isEqualTo("successor");
  }

  @Test
  void a_released_key_is_free_for_a_retry() {
    store.release((Claimed) store.claim("k", "request"));

    assertThat(store.claim("k", "request")).isInstanceOf(Claimed.class);
  }

  @Test
  void a_ttl_index_with_the_retention_lets_mongodb_expire_the_keys_itself() {
    purge.start();

    Document ttl = null;
    for (Document index : mongo.getCollection(IdempotencyStore.COLLECTION).listIndexes()) {
      if (IdempotencyPurge.TTL_INDEX.equals(index.getString("name"))) {
        ttl = index;
      }
    }
    assertThat(ttl).isNotNull();
    assertThat(ttl.get("expireAfterSeconds", Number.class).longValue())
        .isEqualTo(RETENTION.toSeconds());
  }

  private void answered(String id) {
    store.complete((Claimed) store.claim(id, "request"), answer(id));
  }

  private static StoredAnswer answer(String id) {
    return new StoredAnswer(
        201, Map.of("Location", "/orders/" + id), id.getBytes(StandardCharsets.UTF_8));
  }
}
