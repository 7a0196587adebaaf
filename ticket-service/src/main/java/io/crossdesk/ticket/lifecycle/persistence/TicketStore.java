package io.crossdesk.ticket.lifecycle.persistence;

import com.mongodb.client.model.Filters;
import io.crossdesk.platform.aggregate.AggregateNotFoundException;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.platform.aggregate.AggregateTimers;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketFilter;
import io.crossdesk.ticket.lifecycle.domain.TicketOrder;
import io.crossdesk.ticket.lifecycle.domain.TicketPage;
import io.crossdesk.ticket.lifecycle.domain.TicketStatus;
import io.crossdesk.ticket.sla.persistence.SlaPolicies;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores tickets with the events their changes cause through the platform's aggregate store, each
 * change in one single-document write so that a state change and its events are saved together or
 * not at all; the ticket's timers are written with it ({@code AggregateTimers}).
 */
@Component
public class TicketStore implements InitializingBean {

  private static final String T = "ticket.";
  private static final List<TicketStatus> OPEN =
      Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen).toList();

  /** A list filter's index name to the field it filters on. */
  private static final Map<String, String> LIST_FILTERS =
      Map.of(
          "customer", "customerId",
          "status", "status",
          "owner", "owner",
          "department", "department",
          "channel", "channel",
          "category", "category",
          "type", "classification.type",
          "priority", "classification.priority",
          "source_system", "origin.sourceSystem");

  /** Indexes of earlier versions, replaced by the ones that also serve the sort's {@code _id}. */
  private static final Set<String> SUPERSEDED_INDEXES =
      Set.of(
          "customerId_newest_first",
          "status_newest_first",
          "owner_newest_first",
          "department_newest_first",
          "channel_newest_first",
          "category_newest_first",
          "type_newest_first",
          "resolve_by",
          "newest_first");

  private final MongoTemplate mongo;
  private final TicketMapping mapping;
  private final AggregateStore<Ticket> tickets;
  private final StatusAnnouncement announcement;
  private final Clock clock;

  protected TicketStore(
      MongoTemplate mongo,
      AggregateStores stores,
      SlaPolicies policies,
      AggregateTimers<Ticket> timers,
      StatusAnnouncement announcement,
      Clock clock) {
    this.mongo = mongo;
    this.mapping = new TicketMapping(policies);
    this.tickets = stores.of(mapping, timers);
    this.announcement = announcement;
    this.clock = clock;
  }

  /**
   * Runs before the listeners consume and the API answers. The sparse unique intake index is what
   * lets each (sourceSystem, externalId) open one ticket only, across redeliveries and instances,
   * while tickets opened by people (which have neither field) stay out of it; so it is created here
   * rather than left to spring.data.mongodb.auto-index-creation, which production may switch off.
   * Every list filter has an index that starts with it and ends with the list's whole sort ({@code
   * openedAt}, then {@code _id}), so MongoDB reads a page in order from the index instead of
   * sorting every matching ticket. Creating an index that exists changes nothing; the indexes of
   * earlier versions, which ended at {@code openedAt}, are dropped.
   */
  @Override
  public void afterPropertiesSet() {
    IndexOperations indexes = mongo.indexOps(TicketMapping.COLLECTION);
    for (IndexInfo index : indexes.getIndexInfo()) {
      if (SUPERSEDED_INDEXES.contains(index.getName())) {
        indexes.dropIndex(index.getName());
      }
    }
    indexes.createIndex(
        new Index()
            .on(T + "origin.sourceSystem", Sort.Direction.ASC)
            .on(T + "origin.externalId", Sort.Direction.ASC)
            .unique()
            .sparse()
            .named("intake_request"));
    indexes.createIndex(new Index().on(T + "number", Sort.Direction.ASC).unique().named("number"));
    LIST_FILTERS.forEach(
        (name, field) ->
            indexes.createIndex(
                new Index()
                    .on(T + field, Sort.Direction.ASC)
                    .on(T + "openedAt", Sort.Direction.DESC)
                    .on("_id", Sort.Direction.DESC)
                    .named(name + "_by_newest")));
    indexes.createIndex(
        new Index()
            .on("resolveBy", Sort.Direction.ASC)
            .on("_id", Sort.Direction.ASC)
            .named("by_resolve_by"));
    indexes.createIndex(new Index().on("atRiskFrom", Sort.Direction.ASC).named("at_risk_from"));
    indexes.createIndex(
        new Index()
            .on(T + "openedAt", Sort.Direction.DESC)
            .on("_id", Sort.Direction.DESC)
            .named("by_newest"));
  }

  /**
   * Stores a new ticket.
   *
   * @throws org.springframework.dao.DuplicateKeyException when its intake request already opened
   *     one
   */
  public Ticket insert(Ticket ticket, List<EventMessage> events) {
    return tickets.insert(Change.of(ticket, events));
  }

  /**
   * Opens the ticket {@code existing} does not find; a request seen before, or opened concurrently
   * (the unique index), returns that ticket and opens nothing.
   */
  public Ticket open(Supplier<Optional<Ticket>> existing, Supplier<Change<Ticket>> open) {
    return tickets.open(existing, open).aggregate();
  }

  /**
   * Reads the ticket, lets {@code decide} change it and stores the change with its events; decides
   * again when another change got there first.
   *
   * @throws TicketNotYetKnownException when there is no such ticket
   */
  public Ticket change(String id, Function<Ticket, Change<Ticket>> decide) {
    try {
      return tickets.change(id, announced(decide));
    } catch (AggregateNotFoundException unknown) {
      throw new TicketNotYetKnownException(id);
    }
  }

  /**
   * {@link #change} for the effect of an event, once: a redelivered event changes nothing (the
   * platform keeps the ids of the events a ticket applied).
   *
   * @throws TicketNotYetKnownException when there is no such ticket
   */
  public Ticket apply(String id, String eventId, Function<Ticket, Change<Ticket>> decide) {
    try {
      return tickets.apply(id, eventId, announced(decide));
    } catch (AggregateNotFoundException unknown) {
      throw new TicketNotYetKnownException(id);
    }
  }

  /** The decision, with the announcement of the status change it makes, if it makes one. */
  private Function<Ticket, Change<Ticket>> announced(Function<Ticket, Change<Ticket>> decide) {
    return before -> announcement.announce(before, decide.apply(before));
  }

  public Optional<Ticket> find(String id) {
    return tickets.find(id);
  }

  public Optional<Ticket> findByNumber(String number) {
    return tickets.findOne(Filters.eq(T + "number", number));
  }

  /** By the unique sparse {@code intake_request} index: one document with exactly its fields. */
  public Optional<Ticket> findByIntakeRequest(String sourceSystem, String externalId) {
    return tickets.findOne(
        new Document(T + "origin.sourceSystem", sourceSystem)
            .append(T + "origin.externalId", externalId));
  }

  /** The customer's tickets that are not resolved or finished: few, whatever the history. */
  public List<Ticket> findOpenFor(String customerId) {
    Query query =
        Query.query(Criteria.where(T + "customerId").is(customerId).and(T + "status").in(OPEN));
    return tickets.list(query.getQueryObject(), new Document(), 0, 0);
  }

  public TicketPage search(TicketFilter filter, TicketOrder order, int page, int size) {
    return slice(filter, order, (long) page * size, size);
  }

  /**
   * Like {@link #search(TicketFilter, TicketOrder, int, int)}, from an offset rather than a page.
   */
  public TicketPage searchFrom(TicketFilter filter, TicketOrder order, int offset, int limit) {
    return slice(filter, order, offset, limit);
  }

  /** How many tickets the filter matches. */
  public long count(TicketFilter filter) {
    return tickets.count(Query.query(criteria(filter)).getQueryObject());
  }

  private TicketPage slice(TicketFilter filter, TicketOrder order, long offset, int size) {
    Query query = Query.query(criteria(filter)).with(sort(order));
    List<Ticket> found =
        tickets.list(query.getQueryObject(), query.getSortObject(), (int) offset, size + 1);
    boolean hasNext = found.size() > size;
    int page = size == 0 ? 0 : (int) (offset / size);
    return new TicketPage(hasNext ? found.subList(0, size) : found, page, size, hasNext);
  }

  private Criteria criteria(TicketFilter filter) {
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
    equal(criteria, "classification.priority", filter.priority());
    if (filter.statusIn() != null && filter.status() == null) {
      criteria.and(T + "status").in(filter.statusIn());
    }
    if (filter.openedFrom() != null || filter.openedBefore() != null) {
      Criteria opened = criteria.and(T + "openedAt");
      if (filter.openedFrom() != null) {
        opened.gte(filter.openedFrom());
      }
      if (filter.openedBefore() != null) {
        opened.lt(filter.openedBefore());
      }
    }
    return criteria;
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
