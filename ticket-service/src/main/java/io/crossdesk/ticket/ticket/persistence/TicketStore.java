package io.crossdesk.ticket.ticket.persistence;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.OutboxStore;
import io.crossdesk.ticket.ticket.TicketFilter;
import io.crossdesk.ticket.ticket.domain.Ticket;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores tickets with the events their changes cause, each change in one single-document write so
 * that a state change and its events are saved together or not at all.
 */
@Component
public class TicketStore implements InitializingBean {

  private final MongoTemplate mongo;
  private final OutboxStore outbox;

  TicketStore(MongoTemplate mongo, OutboxStore outbox) {
    this.mongo = mongo;
    this.outbox = outbox;
  }

  /**
   * Runs before the listeners consume and the API answers. The sparse unique intake index is what
   * lets each (sourceSystem, externalId) open one ticket only, across redeliveries and instances,
   * while tickets opened by people (which have neither field) stay out of it; so it is created here
   * rather than left to spring.data.mongodb.auto-index-creation, which production may switch off.
   * Creating an index that exists already changes nothing.
   */
  @Override
  public void afterPropertiesSet() {
    IndexOperations indexes = mongo.indexOps(TicketDocument.class);
    indexes.createIndex(
        new Index()
            .on("sourceSystem", Sort.Direction.ASC)
            .on("externalId", Sort.Direction.ASC)
            .unique()
            .sparse()
            .named("intake_request"));
    indexes.createIndex(
        new Index()
            .on("customerId", Sort.Direction.ASC)
            .on("openedAt", Sort.Direction.DESC)
            .named("customer_newest_first"));
    indexes.createIndex(
        new Index()
            .on("department", Sort.Direction.ASC)
            .on("openedAt", Sort.Direction.DESC)
            .named("department_newest_first"));
    indexes.createIndex(new Index().on("openedAt", Sort.Direction.DESC).named("newest_first"));
  }

  /**
   * Stores a new ticket.
   *
   * @throws org.springframework.dao.DuplicateKeyException when its intake request already opened
   *     one
   */
  public void insert(Ticket ticket, List<EventMessage> events) {
    mongo.insert(TicketDocument.of(ticket, events));
  }

  /**
   * Stores a changed ticket unless someone else changed it since it was read; new events join any
   * still waiting in the outbox.
   *
   * @throws org.springframework.dao.OptimisticLockingFailureException when the stored ticket
   *     changed meanwhile
   */
  public void update(Ticket changed, List<EventMessage> events) {
    outbox.update(
        changed.id().toString(), changed.version(), TicketDocument.of(changed, List.of()), events);
  }

  public Optional<Ticket> find(String id) {
    return Optional.ofNullable(mongo.findById(id, TicketDocument.class))
        .map(TicketDocument::toTicket);
  }

  public Optional<Ticket> findByIntakeRequest(String sourceSystem, String externalId) {
    Query query =
        Query.query(
            Criteria.where("sourceSystem").is(sourceSystem).and("externalId").is(externalId));
    return Optional.ofNullable(mongo.findOne(query, TicketDocument.class))
        .map(TicketDocument::toTicket);
  }

  /** Matching tickets, newest first. */
  public List<Ticket> search(TicketFilter filter, int limit) {
    Criteria criteria = new Criteria();
    if (filter.customerId() != null) {
      criteria.and("customerId").is(filter.customerId());
    }
    if (filter.sourceSystem() != null) {
      criteria.and("sourceSystem").is(filter.sourceSystem());
    }
    if (filter.externalId() != null) {
      criteria.and("externalId").is(filter.externalId());
    }
    if (filter.status() != null) {
      criteria.and("status").is(filter.status());
    }
    if (filter.department() != null) {
      criteria.and("department").is(filter.department());
    }
    Query query =
        Query.query(criteria)
            .with(Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("_id")))
            .limit(limit);
    return mongo.find(query, TicketDocument.class).stream().map(TicketDocument::toTicket).toList();
  }
}
