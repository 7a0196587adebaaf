package io.crossdesk.ticket.lifecycle.persistence;

import io.crossdesk.ticket.lifecycle.domain.TicketNumber;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out ticket numbers. Each instance reserves a block of sequence numbers from the day's
 * counter in one atomic increment and uses it up locally, so numbers stay unique across instances
 * at the cost of one store write per block rather than per ticket. Numbers from a block an instance
 * did not use up (it stopped) are skipped, never reused: gaps are harmless, duplicates are not.
 */
@Component
public class TicketNumbers {

  static final String COLLECTION = "ticket_numbers";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final ZoneId zone;
  private final int block;

  private LocalDate day;
  private long next;
  private long limit;

  TicketNumbers(
      MongoTemplate mongo,
      Clock clock,
      @Value("${crossdesk.tickets.number-zone:UTC}") ZoneId zone,
      @Value("${crossdesk.tickets.number-block:50}") int block) {
    this.mongo = mongo;
    this.clock = clock;
    this.zone = zone;
    this.block = block;
  }

  public synchronized String next() {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (!today.equals(day) || next > limit) {
      reserve(today);
    }
    return TicketNumber.of(day, next++);
  }

  private void reserve(LocalDate today) {
    Document counter =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is(today.toString())),
            new Update().inc("last", block),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Document.class,
            COLLECTION);
    long last = ((Number) counter.get("last")).longValue();
    day = today;
    next = last - block + 1;
    limit = last;
  }
}
