package io.crossdesk.workorder.order.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.platform.aggregate.AggregateTimers;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.workorder.order.domain.StepStatus;
import io.crossdesk.workorder.order.domain.WorkOrder;
import io.crossdesk.workorder.routing.domain.Priority;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** The work orders in MongoDB, one per ticket and round, their steps inside. */
@Component
public class WorkOrderStore implements InitializingBean {

  private final MongoTemplate mongo;
  private final AggregateStore<WorkOrder> workOrders;

  WorkOrderStore(MongoTemplate mongo, AggregateStores stores, AggregateTimers<WorkOrder> timers) {
    this.mongo = mongo;
    this.workOrders = stores.of(new WorkOrderMapping(), timers);
  }

  /**
   * The unique ticket-and-round index is what makes "one work order per round" hold across
   * redeliveries, crashes and instances, so it is created here, before the Kafka listeners start.
   * The queue indexes serve the department queues on MongoDB: steps by department, status and due
   * time, and by assignee.
   */
  @Override
  public void afterPropertiesSet() {
    IndexOperations indexes = mongo.indexOps(WorkOrderMapping.COLLECTION);
    // One work order per ticket became one per ticket and round.
    for (IndexInfo index : indexes.getIndexInfo()) {
      if (index.getName().equals("one_per_ticket")) {
        indexes.dropIndex("one_per_ticket");
      }
    }
    indexes.createIndex(
        new Index().on("ticketRound", Sort.Direction.ASC).unique().named("one_per_ticket_round"));
    indexes.createIndex(new Index().on("ticketId", Sort.Direction.ASC).named("by_ticket"));
    indexes.createIndex(
        new Index()
            .on("steps.department", Sort.Direction.ASC)
            .on("steps.status", Sort.Direction.ASC)
            .on("steps.dueAt", Sort.Direction.ASC)
            .named("department_queue"));
    indexes.createIndex(
        new Index()
            .on("steps.assignee", Sort.Direction.ASC)
            .on("steps.status", Sort.Direction.ASC)
            .named("assignee_queue"));
  }

  /**
   * Opens the work order {@code existing} does not find, with the events it causes, in one write;
   * when the ticket has one for that round already (found first, or refused by the unique index)
   * nothing is decided or written.
   *
   * @return the work order, and whether this call opened it
   */
  public AggregateStore.Opened<WorkOrder> open(
      Supplier<Optional<WorkOrder>> existing, Supplier<Change<WorkOrder>> open) {
    return workOrders.open(existing, open);
  }

  /**
   * Reads the work order, lets {@code decide} move it and writes the move with its events; decides
   * again when another move got there first.
   *
   * @throws io.crossdesk.platform.aggregate.AggregateNotFoundException when there is none
   */
  public WorkOrder change(String id, Function<WorkOrder, Change<WorkOrder>> decide) {
    return workOrders.change(id, decide);
  }

  /** {@link #change} for the effect of an event, once; a null {@code eventId} records nothing. */
  public WorkOrder apply(String id, String eventId, Function<WorkOrder, Change<WorkOrder>> decide) {
    return workOrders.apply(id, eventId, decide);
  }

  public Optional<WorkOrder> find(String id) {
    return workOrders.find(id);
  }

  /** The work order of one round of a ticket, found by the unique {@code ticketRound}. */
  public Optional<WorkOrder> findRound(String ticketId, int round) {
    return workOrders.findOne(
        new Document("ticketRound", WorkOrderMapping.ticketRound(ticketId, round)));
  }

  /**
   * The work order of the ticket's latest round, found round by round through the unique {@code
   * ticketRound} rather than by {@code ticketId}, which the embedded server would scan for. Rounds
   * follow each other without gaps, except that round 1 has none when the ticket was resolved at
   * first contact.
   */
  public Optional<WorkOrder> findLatestRound(String ticketId) {
    Optional<WorkOrder> latest = Optional.empty();
    for (int round = 1; ; round++) {
      Optional<WorkOrder> found = findRound(ticketId, round);
      if (found.isEmpty() && round > 1) {
        return latest;
      }
      if (found.isPresent()) {
        latest = found;
      }
    }
  }

  /** The work orders of a ticket, one per round, oldest round first. */
  public List<WorkOrder> ofTicket(String ticketId) {
    return workOrders.list(Filters.eq("ticketId", ticketId), Sorts.ascending("round"), 0, 0);
  }

  /**
   * How many steps each of {@code members} has claimed or started, across departments. On MongoDB
   * the first stage is served by {@code assignee_queue}; the embedded server scans, as for the
   * queues.
   */
  public Map<String, Long> openSteps(Collection<String> members) {
    Criteria held =
        Criteria.where("assignee")
            .in(members)
            .and("status")
            .in(StepStatus.CLAIMED.name(), StepStatus.IN_PROGRESS.name());
    Criteria unwound =
        Criteria.where("steps.assignee")
            .in(members)
            .and("steps.status")
            .in(StepStatus.CLAIMED.name(), StepStatus.IN_PROGRESS.name());
    Map<String, Long> load = new HashMap<>();
    for (Document row :
        mongo
            .aggregate(
                Aggregation.newAggregation(
                    Aggregation.match(Criteria.where("steps").elemMatch(held)),
                    Aggregation.unwind("steps"),
                    Aggregation.match(unwound),
                    Aggregation.group("steps.assignee").count().as("steps")),
                WorkOrderMapping.COLLECTION,
                Document.class)
            .getMappedResults()) {
      load.put(row.getString("_id"), ((Number) row.get("steps")).longValue());
    }
    return load;
  }

  /**
   * One page of steps that match, soonest due first, with one entry more than the page holds when
   * there is a next page. On MongoDB the first stage is served by the queue indexes; the sort then
   * covers only the matching steps.
   */
  public List<QueueEntry> queue(QueueFilter filter, int page, int size) {
    Criteria step = stepCriteria(filter, "");
    Criteria unwound = stepCriteria(filter, "steps.");
    List<AggregationOperation> stages = new ArrayList<>();
    Criteria first = Criteria.where("steps").elemMatch(step);
    if (filter.ticketId() != null) {
      first = first.and("ticketId").is(filter.ticketId());
    }
    stages.add(Aggregation.match(first));
    stages.add(Aggregation.unwind("steps"));
    stages.add(Aggregation.match(unwound));
    stages.add(Aggregation.sort(Sort.by(Sort.Order.asc("steps.dueAt"), Sort.Order.asc("_id"))));
    stages.add(Aggregation.skip((long) page * size));
    stages.add(Aggregation.limit(size + 1L));
    List<QueueEntry> entries = new ArrayList<>();
    for (Document row :
        mongo
            .aggregate(
                Aggregation.newAggregation(stages), WorkOrderMapping.COLLECTION, Document.class)
            .getMappedResults()) {
      entries.add(
          new QueueEntry(
              row.getString("_id"),
              WorkOrderMapping.ticket(row.get("ticket", Document.class)),
              row.getInteger("round", 1),
              Priority.valueOf(row.getString("priority")),
              Optional.ofNullable(row.getDate("expectedCompletion"))
                  .map(Date::toInstant)
                  .orElse(null),
              WorkOrderMapping.step(row.get("steps", Document.class))));
    }
    return entries;
  }

  private static Criteria stepCriteria(QueueFilter filter, String prefix) {
    List<Criteria> all = new ArrayList<>();
    if (filter.department() != null) {
      all.add(Criteria.where(prefix + "department").is(filter.department()));
    }
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      all.add(
          Criteria.where(prefix + "status")
              .in(filter.statuses().stream().map(Enum::name).toList()));
    }
    if (filter.assignee() != null) {
      all.add(Criteria.where(prefix + "assignee").is(filter.assignee()));
    }
    if (Boolean.TRUE.equals(filter.overdue())) {
      all.add(Criteria.where(prefix + "dueAt").lt(filter.now()));
    } else if (Boolean.FALSE.equals(filter.overdue())) {
      all.add(Criteria.where(prefix + "dueAt").gte(filter.now()));
    }
    return all.isEmpty()
        ? Criteria.where(prefix + "status").exists(true)
        : new Criteria().andOperator(all);
  }
}
