package io.crossdesk.analytics.kpi;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.project;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.crossdesk.analytics.kpi.domain.RoutingStatistics;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.AggregationExpression;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Per-ticket opening and routing times, and the routing-time statistics computed from them. */
@Component
class TicketRoutingStore {

  static final String COLLECTION = "ticket_routing";

  /**
   * Routing time in milliseconds. The two instants come from the clocks of two services, which may
   * disagree by a little: a routing that seems to precede the opening counts as immediate.
   */
  private static final AggregationExpression ROUTING_MILLIS =
      context ->
          new Document(
              "$max", List.of(0, new Document("$subtract", List.of("$routedAt", "$openedAt"))));

  private final MongoTemplate mongo;

  TicketRoutingStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  void opened(String ticketId, Instant openedAt) {
    earliest(ticketId, "openedAt", openedAt);
  }

  /** A ticket may get several work orders; its routing time is the wait for the first. */
  void routed(String ticketId, Instant routedAt) {
    earliest(ticketId, "routedAt", routedAt);
  }

  // $min makes a replayed event harmless and does not depend on the order of arrival.
  private void earliest(String ticketId, String field, Instant instant) {
    mongo.upsert(
        Query.query(where("_id").is(ticketId)),
        new Update().min(field, instant),
        TicketRoutingDocument.class);
  }

  RoutingStatistics statistics() {
    Document totals =
        mongo
            .aggregate(
                newAggregation(
                    match(where("openedAt").exists(true).and("routedAt").exists(true)),
                    project().and(ROUTING_MILLIS).as("millis"),
                    group()
                        .count()
                        .as("count")
                        .sum("millis")
                        .as("totalMillis")
                        .max("millis")
                        .as("maxMillis")),
                COLLECTION,
                Document.class)
            .getUniqueMappedResult();
    if (totals == null) {
      return RoutingStatistics.of(0, 0, 0);
    }
    return RoutingStatistics.of(
        number(totals, "count"), number(totals, "totalMillis"), number(totals, "maxMillis"));
  }

  private static long number(Document document, String field) {
    return ((Number) document.get(field)).longValue();
  }
}
