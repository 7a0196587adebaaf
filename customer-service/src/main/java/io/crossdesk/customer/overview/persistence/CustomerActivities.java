package io.crossdesk.customer.overview.persistence;

import com.mongodb.bulk.BulkWriteError;
import io.crossdesk.customer.overview.domain.ActivityCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One small counter document per customer ({@code _id} the customer id), raised by increment and
 * never read on the event path: complaints per day, the satisfaction scores' sum and number, and
 * the risk flags. {@link CustomerTickets} decides whether an event raises a count (a ticket's first
 * opening, a round's first or changed score), so a redelivery raises nothing; a crash between the
 * ticket's write and the increment loses that one increment.
 */
@Component
public class CustomerActivities {

  private static final int DUPLICATE_KEY = 11000;

  private final MongoTemplate mongo;

  CustomerActivities(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public ActivityCounts of(String customerId) {
    CountsDocument stored = mongo.findById(customerId, CountsDocument.class);
    return stored == null
        ? ActivityCounts.none()
        : new ActivityCounts(
            stored.complaintsByDay(),
            stored.scoreSum() == null ? 0 : stored.scoreSum(),
            stored.scores() == null ? 0 : stored.scores(),
            stored.riskFlags(),
            stored.riskFlaggedAt());
  }

  /**
   * Replaces the customer's risk flags with those of a raise at {@code flaggedAt}, unless a newer
   * raise was stored already.
   */
  public void flagged(String customerId, List<String> flags, Instant flaggedAt) {
    try {
      mongo.upsert(
          Query.query(
              Criteria.where("_id")
                  .is(customerId)
                  .orOperator(
                      Criteria.where("riskFlaggedAt").lt(flaggedAt),
                      Criteria.where("riskFlaggedAt").is(null))),
          new Update().set("riskFlags", flags).set("riskFlaggedAt", flaggedAt),
          CountsDocument.class);
    } catch (DuplicateKeyException newerStored) {
      // The document holds a newer raise: nothing to change.
    }
  }

  /**
   * Counts complaints opened, one upsert per customer in one bulk write: each customer's count per
   * day goes up by their complaints of that day, and days out of the window are dropped.
   */
  public void complaintsOpened(List<ComplaintOpened> complaints) {
    Map<String, List<Instant>> byCustomer = new LinkedHashMap<>();
    complaints.forEach(
        c -> byCustomer.computeIfAbsent(c.customerId(), id -> new ArrayList<>()).add(c.openedAt()));
    if (byCustomer.isEmpty()) {
      return;
    }
    BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CountsDocument.class);
    List<Query> queries = new ArrayList<>();
    List<Update> updates = new ArrayList<>();
    byCustomer.forEach(
        (customerId, openings) -> {
          Map<String, Integer> perDay = new TreeMap<>();
          openings.forEach(at -> perDay.merge(ActivityCounts.dayOf(at), 1, Integer::sum));
          Update update = new Update();
          perDay.forEach((day, count) -> update.inc("complaintsByDay." + day, count));
          ActivityCounts.staleDays(Collections.max(openings)).stream()
              .filter(day -> !perDay.containsKey(day))
              .forEach(day -> update.unset("complaintsByDay." + day));
          Query byId = Query.query(Criteria.where("_id").is(customerId));
          queries.add(byId);
          updates.add(update);
          bulk.upsert(byId, update);
        });
    try {
      bulk.execute();
    } catch (BulkOperationException refused) {
      for (BulkWriteError error : refused.getErrors()) {
        if (error.getCode() != DUPLICATE_KEY) {
          throw refused;
        }
        // two upserts of a new document raced: the loser updates what the winner made
        mongo.updateFirst(
            queries.get(error.getIndex()), updates.get(error.getIndex()), CountsDocument.class);
      }
    }
  }

  /** A complaint opened by a customer. */
  public record ComplaintOpened(String customerId, Instant openedAt) {}

  /** A survey round scored {@code score}, having scored {@code before} (null: not yet). */
  public void scored(String customerId, Integer before, int score) {
    if (before == null) {
      raise(customerId, new Update().inc("scoreSum", score).inc("scores", 1));
    } else if (before != score) {
      raise(customerId, new Update().inc("scoreSum", score - before));
    }
  }

  private void raise(String customerId, Update update) {
    Query byId = Query.query(Criteria.where("_id").is(customerId));
    try {
      mongo.upsert(byId, update, CountsDocument.class);
    } catch (DuplicateKeyException raced) {
      // two upserts of a new document raced: the loser updates what the winner made
      mongo.updateFirst(byId, update, CountsDocument.class);
    }
  }

  @Document("customer_activity")
  record CountsDocument(
      @Id String id,
      Map<String, Integer> complaintsByDay,
      Long scoreSum,
      Long scores,
      List<String> riskFlags,
      Instant riskFlaggedAt) {}
}
