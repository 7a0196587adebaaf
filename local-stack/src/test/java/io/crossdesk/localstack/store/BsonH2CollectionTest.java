package io.crossdesk.localstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server updates a document by changing the instance a query found and storing it again. The
 * store's background writer may be encoding the stored instance at that moment, and a change under
 * it fails the whole file; so no instance a query hands out may be the stored one.
 */
class BsonH2CollectionTest {

  @TempDir Path data;

  @Test
  void an_update_never_changes_an_instance_a_query_handed_out() {
    MVStore store = StoreFormat.open(data.resolve("crossdesk.mv.db"));
    try {
      MongoDatabase database = StoreFormat.database("crossdesk-test", store, new CursorRegistry());
      MongoCollection<?> buckets = database.createCollectionOrThrowIfExists("deadline_buckets");
      buckets.addDocument(new Document("_id", "2026-12-06T08:00").append("due", List.of("a")));

      // By the unique _id index, and by a scan of the whole collection.
      Document byId =
          buckets.handleQuery(new Document("_id", "2026-12-06T08:00")).iterator().next();
      Document byScan = buckets.handleQuery(new Document("due", "a")).iterator().next();
      buckets.updateDocuments(
          new Document("_id", "2026-12-06T08:00"),
          new Document("$addToSet", new Document("due", "b")),
          ArrayFilters.empty(),
          false,
          false,
          NoopOplog.get());

      assertThat(byId.get("due")).isEqualTo(List.of("a"));
      assertThat(byScan.get("due")).isEqualTo(List.of("a"));
      assertThat(buckets.handleQuery(new Document("_id", "2026-12-06T08:00")).iterator().next())
          .isEqualTo(new Document("_id", "2026-12-06T08:00").append("due", List.of("a", "b")));
    } finally {
      store.close();
    }
  }
}
