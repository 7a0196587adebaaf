package io.crossdesk.ticket.ticket.persistence;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.HasOutbox;
import io.crossdesk.platform.outbox.OutboxRelay;
import io.crossdesk.ticket.ticket.TicketFilter;
import io.crossdesk.ticket.ticket.domain.Ticket;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores tickets with the events their changes cause, each change in one single-document write so
 * that a state change and its events are saved together or not at all.
 */
@Component
public class TicketStore implements InitializingBean {

  private static final Set<String> NOT_STATE = Set.of("_id", "_class", "version", HasOutbox.FIELD);

  private final MongoTemplate mongo;
  private final OutboxRelay relay;

  TicketStore(MongoTemplate mongo, OutboxRelay relay) {
    this.mongo = mongo;
    this.relay = relay;
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
   * Stores a changed ticket unless someone else changed it since it was read. New events join any
   * still waiting in the outbox (pushed, never overwritten, so none is lost to the relay's timing).
   *
   * @throws OptimisticLockingFailureException when the stored ticket changed meanwhile
   */
  public void update(Ticket changed, List<EventMessage> events) {
    Update update = stateOf(changed);
    if (!events.isEmpty()) {
      update.push(HasOutbox.FIELD).each(events.toArray());
    }
    update.inc("version", 1);
    Query sameVersion =
        Query.query(
            Criteria.where("_id").is(changed.id().toString()).and("version").is(changed.version()));
    if (mongo.updateFirst(sameVersion, update, TicketDocument.class).getMatchedCount() == 0) {
      throw new OptimisticLockingFailureException(
          "ticket " + changed.id() + " changed since version " + changed.version());
    }
    if (!events.isEmpty()) {
      // An update, unlike an insert, raises no save event that would wake the relay by itself.
      relay.wakeUp();
    }
  }

  /** Sets every state field as the ticket has it now, unsets those it no longer has. */
  private Update stateOf(Ticket ticket) {
    Document state = new Document();
    mongo.getConverter().write(TicketDocument.of(ticket, List.of()), state);
    Update update = new Update();
    state.forEach(
        (field, value) -> {
          if (!NOT_STATE.contains(field)) {
            update.set(field, value);
          }
        });
    PropertyHandler<MongoPersistentProperty> unsetMissing =
        property -> {
          if (!NOT_STATE.contains(property.getFieldName())
              && !state.containsKey(property.getFieldName())) {
            update.unset(property.getFieldName());
          }
        };
    mongo
        .getConverter()
        .getMappingContext()
        .getRequiredPersistentEntity(TicketDocument.class)
        .doWithProperties(unsetMissing);
    return update;
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
