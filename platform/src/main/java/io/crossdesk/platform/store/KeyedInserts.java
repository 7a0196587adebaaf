package io.crossdesk.platform.store;

import java.util.List;
import org.springframework.data.mongodb.BulkOperationException;
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
    try {
      return mongo.bulkOps(BulkMode.UNORDERED, type).insert(documents).execute().getInsertedCount();
    } catch (BulkOperationException e) {
      if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
        throw e;
      }
      return e.getResult().getInsertedCount();
    }
  }
}
