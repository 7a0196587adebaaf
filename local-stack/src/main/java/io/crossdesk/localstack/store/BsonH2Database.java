package io.crossdesk.localstack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with its collections and unique indexes in maps typed by {@link
 * StoreTypes}, under the same map names. Dropping and renaming stay the server's own: they reopen a
 * map by its name, which returns the typed map already open.
 */
final class BsonH2Database extends H2Database {

  /**
   * The store while the server's constructor, which opens the existing collections and indexes
   * before this class's fields are set, runs on this thread.
   */
  private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

  private final MVStore store;

  private BsonH2Database(String name, MVStore store, CursorRegistry cursors) {
    super(name, store, cursors);
    this.store = store;
  }

  static BsonH2Database open(String name, MVStore store, CursorRegistry cursors) {
    OPENING.set(store);
    try {
      return new BsonH2Database(name, store, cursors);
    } finally {
      OPENING.remove();
    }
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(
      String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
    MVMap<KeyValue, Object> map =
        store()
            .openMap(
                StoreFormat.indexMap(getFullCollectionNamespace(collectionName), indexName),
                StoreTypes.uniqueIndex());
    return new BsonUniqueIndex(map, indexName, keys, sparse);
  }

  @Override
  protected MongoCollection<Object> openOrCreateCollection(
      String collectionName, CollectionOptions options) {
    String namespace = getFullCollectionNamespace(collectionName);
    MVMap<Object, Document> documents =
        store().openMap(StoreFormat.DOCUMENTS_PREFIX + namespace, StoreTypes.documents());
    MVMap<String, Object> meta = store().openMap(StoreFormat.META_PREFIX + namespace);
    return new BsonH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
  }

  private MVStore store() {
    return store != null ? store : OPENING.get();
  }
}
