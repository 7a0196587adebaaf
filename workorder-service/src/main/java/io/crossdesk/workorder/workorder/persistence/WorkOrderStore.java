package io.crossdesk.workorder.workorder.persistence;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.workorder.workorder.domain.WorkOrder;
import io.crossdesk.workorder.workorder.domain.WorkOrderSearch;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The work orders in MongoDB, one per ticket. */
@Component
public class WorkOrderStore implements InitializingBean {

  private final MongoTemplate mongo;

  WorkOrderStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * The unique ticket index is what makes "one work order per ticket" hold across redeliveries,
   * crashes and instances, so it is created here rather than left to the auto-index-creation
   * setting. Runs before the Kafka listeners start.
   */
  @Override
  public void afterPropertiesSet() {
    IndexOperations indexes = mongo.indexOps(WorkOrderDocument.class);
    indexes.createIndex(
        new Index().on("ticketId", Sort.Direction.ASC).unique().named("one_per_ticket"));
    indexes.createIndex(
        new Index()
            .on("department", Sort.Direction.ASC)
            .on("createdAt", Sort.Direction.DESC)
            .named("department_queue"));
    indexes.createIndex(new Index().on("createdAt", Sort.Direction.DESC).named("newest_first"));
  }

  /**
   * Stores a new work order together with the events it caused, in one write.
   *
   * @return false when the ticket already has a work order; nothing is written then, and the events
   *     of the existing one are still published from its own outbox
   */
  public boolean insertIfNew(WorkOrder order, List<EventMessage> events) {
    try {
      mongo.insert(WorkOrderDocument.newOf(order, events));
      return true;
    } catch (DuplicateKeyException ticketAlreadyHasOne) {
      return false;
    }
  }

  public Optional<WorkOrder> find(UUID id) {
    return Optional.ofNullable(mongo.findById(id.toString(), WorkOrderDocument.class))
        .map(WorkOrderDocument::toWorkOrder);
  }

  /** The newest work orders that match, at most {@link WorkOrderSearch#LIMIT}. */
  public List<WorkOrder> search(WorkOrderSearch search) {
    Query query = new Query();
    if (search.ticketId() != null) {
      query.addCriteria(Criteria.where("ticketId").is(search.ticketId()));
    }
    if (search.department() != null) {
      query.addCriteria(Criteria.where("department").is(search.department().id()));
    }
    if (search.status() != null) {
      query.addCriteria(Criteria.where("status").is(search.status().name()));
    }
    query
        .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
        .limit(WorkOrderSearch.LIMIT);
    return mongo.find(query, WorkOrderDocument.class).stream()
        .map(WorkOrderDocument::toWorkOrder)
        .toList();
  }
}
