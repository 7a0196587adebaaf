package io.crossdesk.ticket.ticket.persistence;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.OutboxStore;
import io.crossdesk.ticket.sla.SlaPolicies;
import io.crossdesk.ticket.sla.domain.SlaPolicy;
import io.crossdesk.ticket.ticket.TicketFilter;
import io.crossdesk.ticket.ticket.TicketOrder;
import io.crossdesk.ticket.ticket.TicketPage;
import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.domain.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
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

  private static final String T = "ticket.";
  private static final List<TicketStatus> OPEN =
      Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen).toList();

  private final MongoTemplate mongo;
  private final OutboxStore outbox;
  private final SlaPolicies policies;
  private final Clock clock;

  TicketStore(MongoTemplate mongo, OutboxStore outbox, SlaPolicies policies, Clock clock) {
    this.mongo = mongo;
    this.outbox = outbox;
    this.policies = policies;
    this.clock = clock;
  }

  /**
   * Runs before the listeners consume and the API answers. The sparse unique intake index is what
   * lets each (sourceSystem, externalId) open one ticket only, across redeliveries and instances,
   * while tickets opened by people (which have neither field) stay out of it; so it is created here
   * rather than left to spring.data.mongodb.auto-index-creation, which production may switch off.
   * Every list filter has an index that starts with it; creating an index that exists changes
   * nothing.
   */
  @Override
  public void afterPropertiesSet() {
    IndexOperations indexes = mongo.indexOps(TicketDocument.class);
    indexes.createIndex(
        new Index()
            .on(T + "origin.sourceSystem", Sort.Direction.ASC)
            .on(T + "origin.externalId", Sort.Direction.ASC)
            .unique()
            .sparse()
            .named("intake_request"));
    indexes.createIndex(new Index().on(T + "number", Sort.Direction.ASC).unique().named("number"));
    for (String field :
        List.of("customerId", "status", "owner", "department", "channel", "category")) {
      indexes.createIndex(
          new Index()
              .on(T + field, Sort.Direction.ASC)
              .on(T + "openedAt", Sort.Direction.DESC)
              .named(field + "_newest_first"));
    }
    indexes.createIndex(
        new Index()
            .on(T + "classification.type", Sort.Direction.ASC)
            .on(T + "openedAt", Sort.Direction.DESC)
            .named("type_newest_first"));
    indexes.createIndex(new Index().on("resolveBy", Sort.Direction.ASC).named("resolve_by"));
    indexes.createIndex(new Index().on("atRiskFrom", Sort.Direction.ASC).named("at_risk_from"));
    indexes.createIndex(new Index().on(T + "openedAt", Sort.Direction.DESC).named("newest_first"));
  }

  /**
   * Stores a new ticket.
   *
   * @throws org.springframework.dao.DuplicateKeyException when its intake request already opened
   *     one
   */
  public void insert(Ticket ticket, List<EventMessage> events) {
    mongo.insert(document(ticket, events));
  }

  /**
   * Stores a changed ticket unless someone else changed it since it was read; new events join any
   * still waiting in the outbox.
   *
   * @throws org.springframework.dao.OptimisticLockingFailureException when the stored ticket
   *     changed meanwhile
   */
  public void update(Ticket changed, List<EventMessage> events) {
    outbox.update(changed.id(), changed.version(), document(changed, List.of()), events);
  }

  public Optional<Ticket> find(String id) {
    return Optional.ofNullable(mongo.findById(id, TicketDocument.class))
        .map(TicketDocument::toTicket);
  }

  public Optional<Ticket> findByNumber(String number) {
    return findOne(Criteria.where(T + "number").is(number));
  }

  public Optional<Ticket> findByIntakeRequest(String sourceSystem, String externalId) {
    return findOne(
        Criteria.where(T + "origin.sourceSystem")
            .is(sourceSystem)
            .and(T + "origin.externalId")
            .is(externalId));
  }

  /** The customer's tickets that are not resolved or finished: few, whatever the history. */
  public List<Ticket> findOpenFor(String customerId) {
    Query query =
        Query.query(Criteria.where(T + "customerId").is(customerId).and(T + "status").in(OPEN));
    return mongo.find(query, TicketDocument.class).stream().map(TicketDocument::toTicket).toList();
  }

  public TicketPage search(TicketFilter filter, TicketOrder order, int page, int size) {
    Criteria criteria = new Criteria();
    equal(criteria, "customerId", filter.customerId());
    equal(criteria, "origin.sourceSystem", filter.sourceSystem());
    equal(criteria, "origin.externalId", filter.externalId());
    equal(criteria, "number", filter.number());
    equal(criteria, "status", filter.status());
    equal(criteria, "owner", filter.owner());
    equal(criteria, "department", filter.department());
    equal(criteria, "channel", filter.channel());
    equal(criteria, "classification.type", filter.type());
    equal(criteria, "category", filter.category());
    Instant now = clock.instant();
    if (filter.deadline() == TicketFilter.DeadlineState.BREACHED) {
      criteria.and("resolveBy").lt(now);
    } else if (filter.deadline() == TicketFilter.DeadlineState.AT_RISK) {
      criteria.and("atRiskFrom").lte(now).and("resolveBy").gte(now);
    }
    Query query = Query.query(criteria).with(sort(order)).skip((long) page * size).limit(size + 1);
    List<Ticket> found =
        mongo.find(query, TicketDocument.class).stream().map(TicketDocument::toTicket).toList();
    boolean hasNext = found.size() > size;
    return new TicketPage(hasNext ? found.subList(0, size) : found, page, size, hasNext);
  }

  private Optional<Ticket> findOne(Criteria criteria) {
    return Optional.ofNullable(mongo.findOne(Query.query(criteria), TicketDocument.class))
        .map(TicketDocument::toTicket);
  }

  private TicketDocument document(Ticket ticket, List<EventMessage> events) {
    Instant resolveBy = null;
    Instant atRiskFrom = null;
    if (ticket.status().isOpen()) {
      SlaPolicy policy = policies.version(ticket.sla().policyVersion());
      var calendar = policies.calendar(policy.version());
      resolveBy = ticket.sla().whenResolutionShareElapsed(calendar, 100);
      int firstThreshold =
          policy
              .escalationPercents(ticket.customerTier(), ticket.classification().keyAccount())
              .get(0);
      atRiskFrom =
          firstThreshold < 100
              ? ticket.sla().whenResolutionShareElapsed(calendar, firstThreshold)
              : null;
    }
    return new TicketDocument(
        ticket.id(), ticket, resolveBy, atRiskFrom, ticket.version(), List.copyOf(events));
  }

  private static Sort sort(TicketOrder order) {
    return switch (order) {
      case NEWEST -> Sort.by(Sort.Order.desc(T + "openedAt"), Sort.Order.desc("_id"));
      case OLDEST -> Sort.by(Sort.Order.asc(T + "openedAt"), Sort.Order.asc("_id"));
      case DUE_SOONEST -> Sort.by(Sort.Order.asc("resolveBy"), Sort.Order.asc("_id"));
    };
  }

  private static void equal(Criteria criteria, String field, Object value) {
    if (value != null) {
      criteria.and(T + field).is(value);
    }
  }
}
