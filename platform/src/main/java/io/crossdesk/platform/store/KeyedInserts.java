package io.crossdesk.platform.store;

import java.util.List;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts of documents keyed by what caused them (an event id, a template's kind and locale), in
 * one unordered bulk write: a document whose key is stored already is left as it is, the others are
 * inserted all the same. Any other refusal fails the write.
 */
public final class KeyedInserts {

  private static final int DUPLICATE_KEY = 11000;

  private KeyedInserts() {}

  /**
   * @return how many were inserted
   */
  public static int insertNew(MongoTemplate mongo, Class<?> type, List<?> documents) {
    if (documents.isEmpty()) {
      return 0;
    }
    return insertNew(mongo.bulkOps(BulkMode.UNORDERED, type), documents);
  }

  /**
   * The same into a collection by name, for documents written by hand.
   *
   * @return how many were inserted
   */
  public static int insertNew(MongoTemplate mongo, String collection, List<?> documents) {
    if (documents.isEmpty()) {
      return 0;
    }
    return insertNew(mongo.bulkOps(BulkMode.UNORDERED, collection), documents);
  }

  private static int insertNew(BulkOperations bulk, List<?> documents) {
    try {
      return bulk.insert(documents).execute().getInsertedCount();
    } catch (BulkOperationException e) {
      if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
        throw e;
      }
      return e.getResult().getInsertedCount();
    }
  }
}
