package io.crossdesk.localstack.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, handing out copies of the documents a query finds. The server
 * updates a document by changing the instance a query gave it and storing it again; the instance it
 * found is the one in the store's page, which the store's background writer may be encoding at that
 * moment, and a change under the encoder fails the whole file (the store stops taking writes). With
 * a copy, the stored instance is never changed once stored.
 */
final class BsonH2Collection extends H2Collection {

  BsonH2Collection(
      MongoDatabase database,
      String collectionName,
      CollectionOptions options,
      MVMap<Object, Document> documents,
      MVMap<String, Object> meta,
      CursorRegistry cursors) {
    super(database, collectionName, options, documents, meta, cursors);
  }

  @Override
  protected QueryResult matchDocumentsFromStream(
      Stream<Document> documents,
      Document query,
      Document orderBy,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    QueryResult found =
        super.matchDocumentsFromStream(
            documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    List<Document> copies = new ArrayList<>();
    for (Document document : found) {
      copies.add(document.cloneDeeply());
    }
    return new QueryResult(copies, found.getCursorId());
  }
}
