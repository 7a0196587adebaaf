package io.crossdesk.customer.overview.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.crossdesk.customer.overview.domain.TicketState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where each of a customer's tickets stands, one small document per ticket ({@code _id} the ticket
 * id), so that an event costs the same whatever the customer's history. Every event writes by
 * {@code _id}: a run of openings in one bulk upsert that tells which were first, and a survey in
 * one findAndModify that also returns what was there before (so the counters in {@link
 * CustomerActivities} are raised once per ticket and round), a status move by read and write under
 * a version (taking only newer events). The overview lists a customer's open tickets with one
 * query, newest first, at most {@link #LISTED}; real MongoDB answers it from the {@code
 * open_by_customer} index, the embedded server scans the collection.
 */
@Component
public class CustomerTickets {

  static final int LISTED = 100;
  static final String COLLECTION = "customer_tickets";
  private static final int DUPLICATE_KEY = 11000;
  private static final List<String> OPEN = List.of(TicketState.OPEN, TicketState.RESOLVED);

  private final MongoTemplate mongo;

  CustomerTickets(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Records a run of openings in one unordered bulk write and returns the ids of the tickets whose
   * first opening this is. Each opening is an upsert of a ticket not yet opened: a new document, or
   * one a survey or a status move made first (which then gets its state, if it has none yet); a
   * ticket opened already refuses it with a duplicate key, and is not counted again.
   */
  public Set<String> openedAll(List<Opening> openings) {
    if (openings.isEmpty()) {
      return new HashSet<>();
    }
    List<UpdateOneModel<org.bson.Document>> writes = new ArrayList<>();
    for (Opening opening : openings) {
      writes.add(
          new UpdateOneModel<>(
              // {_id, openedAt: null} exactly: the embedded server finds it by the id_opened index.
              new org.bson.Document("_id", opening.ticketId()).append("openedAt", null),
              Updates.combine(
                  Updates.set("customerId", opening.customerId()),
                  Updates.set("number", opening.number()),
                  Updates.set("type", opening.type()),
                  Updates.set("title", opening.title()),
                  Updates.set("openedAt", Date.from(opening.openedAt())),
                  Updates.setOnInsert("status", TicketState.OPEN),
                  Updates.setOnInsert("lastEventAt", Date.from(opening.openedAt())),
                  Updates.inc("version", 1L)),
              new UpdateOptions().upsert(true)));
    }
    Set<Integer> openedBefore = new HashSet<>();
    BulkWriteResult result;
    try {
      result = collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException refused) {
      for (BulkWriteError error : refused.getWriteErrors()) {
        if (error.getCode() != DUPLICATE_KEY) {
          throw refused;
        }
        openedBefore.add(error.getIndex());
      }
      result = refused.getWriteResult();
    }
    Set<Integer> created = new HashSet<>();
    result.getUpserts().forEach(upsert -> created.add(upsert.getIndex()));
    Set<String> first = new LinkedHashSet<>();
    for (int i = 0; i < openings.size(); i++) {
      if (openedBefore.contains(i)) {
        continue;
      }
      Opening opening = openings.get(i);
      if (!created.contains(i)) {
        // A survey or a status move came first: the ticket gets its state unless it has one.
        stateless(opening);
      }
      first.add(opening.ticketId());
    }
    return first;
  }

  /** Gives a ticket that a survey made first its state, under its version. */
  private void stateless(Opening opening) {
    while (true) {
      TicketDocument stored = mongo.findById(opening.ticketId(), TicketDocument.class);
      if (stored == null || stored.status() != null) {
        return;
      }
      Query sameVersion =
          Query.query(
              Criteria.where("_id").is(opening.ticketId()).and("version").is(stored.version()));
      Update update =
          new Update()
              .set("status", TicketState.OPEN)
              .set("lastEventAt", opening.openedAt())
              .inc("version", 1);
      if (mongo.updateFirst(sameVersion, update, TicketDocument.class).getMatchedCount() > 0) {
        return;
      }
    }
  }

  /** A ticket's opening, as the overview keeps it. */
  public record Opening(
      String customerId,
      String ticketId,
      String number,
      String type,
      String title,
      Instant openedAt) {}

  private MongoCollection<org.bson.Document> collection() {
    return mongo.getCollection(COLLECTION);
  }

  /** The ticket moved to {@code status} at {@code at}; an older event changes nothing. */
  public void moved(String customerId, String ticketId, String status, Instant at) {
    while (true) {
      TicketDocument stored = mongo.findById(ticketId, TicketDocument.class);
      if (stored == null) {
        try {
          TicketState first = TicketState.first(ticketId, status, at);
          mongo.insert(TicketDocument.of(customerId, first));
          return;
        } catch (DuplicateKeyException raced) {
          continue;
        }
      }
      TicketState known = stored.state();
      TicketState next = known.moved(status, at);
      if (next.equals(known)) {
        return;
      }
      Query sameVersion =
          Query.query(Criteria.where("_id").is(ticketId).and("version").is(stored.version()));
      Update update =
          new Update()
              .set("status", next.status())
              .set("lastEventAt", next.lastEventAt())
              .inc("version", 1);
      if (mongo.updateFirst(sameVersion, update, TicketDocument.class).getMatchedCount() > 0) {
        return;
      }
      // another event for this ticket was written meanwhile: apply to that
    }
  }

  /** Records the score of the ticket's survey round; returns the score it had before, if any. */
  public Integer surveyed(String customerId, String ticketId, int round, int score) {
    Update update =
        new Update()
            .set("surveys." + round, score)
            .setOnInsert("customerId", customerId)
            .inc("version", 1);
    TicketDocument before = upsertReturningBefore(ticketId, update);
    return before == null || before.surveys() == null
        ? null
        : before.surveys().get(Integer.toString(round));
  }

  /** The customer's open tickets, newest first, at most {@link #LISTED}. */
  public List<TicketState> openOf(String customerId) {
    Query query =
        Query.query(Criteria.where("customerId").is(customerId).and("status").in(OPEN))
            .with(Sort.by(Sort.Order.desc("openedAt")))
            .limit(LISTED);
    return mongo.find(query, TicketDocument.class).stream()
        .map(TicketDocument::state)
        .sorted(
            Comparator.comparing(
                TicketState::openedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }

  private TicketDocument upsertReturningBefore(String ticketId, Update update) {
    FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(false);
    try {
      return mongo.findAndModify(byId(ticketId), update, options, TicketDocument.class);
    } catch (DuplicateKeyException raced) {
      // two upserts of a new document raced: the loser updates what the winner made
      return mongo.findAndModify(byId(ticketId), update, options, TicketDocument.class);
    }
  }

  private static Query byId(String ticketId) {
    return Query.query(Criteria.where("_id").is(ticketId));
  }

  /**
   * The unique indexes on {@code (_id, version)} and {@code (_id, openedAt)} let the embedded
   * server find versioned writes and openings of tickets not opened yet; the other is what real
   * MongoDB needs for the overview's list.
   */
  @Document(COLLECTION)
  @CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
  @CompoundIndex(name = "id_opened", def = "{'_id': 1, 'openedAt': 1}", unique = true)
  @CompoundIndex(name = "open_by_customer", def = "{'customerId': 1, 'status': 1, 'openedAt': -1}")
  record TicketDocument(
      @Id String id,
      String customerId,
      String number,
      String type,
      String title,
      String status,
      Instant openedAt,
      Instant lastEventAt,
      Map<String, Integer> surveys,
      @Version Long version) {

    static TicketDocument of(String customerId, TicketState state) {
      return new TicketDocument(
          state.ticketId(),
          customerId,
          state.number(),
          state.type(),
          state.title(),
          state.status(),
          state.openedAt(),
          state.lastEventAt(),
          null,
          null);
    }

    TicketState state() {
      return new TicketState(id, number, type, title, status, openedAt, lastEventAt);
    }
  }
}
