package io.crossdesk.notification.log.persistence;

import com.mongodb.client.model.Filters;
import io.crossdesk.notification.log.domain.TicketFacts;
import io.crossdesk.platform.store.KeyedInserts;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The facts of every ticket this service heard opened, by ticket id. */
@Component
public class TicketFactsStore {

  static final String COLLECTION = "tickets";

  private final MongoTemplate mongo;

  TicketFactsStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Keeps the facts in one bulk write; a ticket kept already is left as it is. */
  public void keepAll(List<TicketFacts> tickets) {
    KeyedInserts.insertNew(
        mongo, COLLECTION, tickets.stream().map(TicketFactsStore::document).toList());
  }

  /** The known tickets among {@code ticketIds}, by id, in one look-up. */
  public Map<String, TicketFacts> findAll(Collection<String> ticketIds) {
    Map<String, TicketFacts> found = new HashMap<>();
    mongo
        .getCollection(COLLECTION)
        .find(Filters.in("_id", new HashSet<>(ticketIds)))
        .forEach(
            stored ->
                found.put(
                    stored.getString("_id"),
                    new TicketFacts(
                        stored.getString("_id"),
                        stored.getString("number"),
                        stored.getString("title"),
                        stored.getString("customerId"),
                        stored.getString("customerTier"),
                        stored.getString("priority"),
                        stored.getString("owner"),
                        number(stored, "round", 1),
                        number(stored, "ratedRound", 0))));
    return found;
  }

  private static Document document(TicketFacts ticket) {
    Document document = new Document("_id", ticket.ticketId());
    document.append("number", ticket.number()).append("title", ticket.title());
    document
        .append("customerId", ticket.customerId())
        .append("customerTier", ticket.customerTier());
    document.append("priority", ticket.priority()).append("owner", ticket.owner());
    return document.append("round", ticket.round()).append("ratedRound", ticket.ratedRound());
  }

  /**
   * Moves each ticket on to the given round (a resolution or a reopening), in one bulk write; a
   * round already passed changes nothing, so a redelivered or overtaken event is harmless.
   */
  public void roundsReached(Map<String, Integer> roundByTicket) {
    raise("round", roundByTicket);
  }

  /** Records the rounds whose satisfaction was recorded, the same way. */
  public void rated(Map<String, Integer> roundByTicket) {
    raise("ratedRound", roundByTicket);
  }

  private void raise(String field, Map<String, Integer> valueByTicket) {
    if (valueByTicket.isEmpty()) {
      return;
    }
    BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
    valueByTicket.forEach(
        (ticketId, value) ->
            bulk.updateOne(
                Query.query(Criteria.where("_id").is(ticketId).and(field).lt(value)),
                new Update().set(field, value)));
    bulk.execute();
  }

  private static int number(Document stored, String field, int absent) {
    Number value = stored.get(field, Number.class);
    return value == null ? absent : value.intValue();
  }
}
