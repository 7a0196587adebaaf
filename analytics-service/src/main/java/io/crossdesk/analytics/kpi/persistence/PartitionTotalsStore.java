package io.crossdesk.analytics.kpi.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.crossdesk.analytics.kpi.domain.Counter;
import io.crossdesk.analytics.kpi.domain.CounterValue;
import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.KpiDelta;
import io.crossdesk.analytics.kpi.domain.RoutingStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The KPI totals, one document per consumed topic partition, each holding the offset up to which it
 * has applied its partition's events. Only the consumer that owns a partition writes its document,
 * once per batch, and only if the offset it read is still there: a redelivered batch (a crash
 * before the offsets were committed) finds its events applied and adds nothing. The totals are the
 * sums over these few documents.
 */
@Component
public class PartitionTotalsStore {

  static final String COLLECTION = "kpi_partitions";
  private static final String OFFSET = "offset";
  private static final String COUNTS = "counts";

  private final MongoTemplate mongo;

  public PartitionTotalsStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The offset of the last event applied from this partition; -1 when none was. */
  public long appliedOffset(String partition) {
    Document totals = totals().find(Filters.eq("_id", partition)).first();
    return totals == null ? -1 : totals.get(OFFSET, Number.class).longValue();
  }

  /**
   * Adds {@code delta} and moves the partition's offset from {@code readOffset} to {@code
   * newOffset}.
   *
   * @throws OptimisticLockingFailureException when the offset is no longer {@code readOffset}:
   *     another consumer applied events of the partition meanwhile; read again and retry
   */
  public void apply(String partition, long readOffset, long newOffset, KpiDelta delta) {
    if (readOffset < 0) {
      insert(partition, newOffset, delta);
      return;
    }
    Document inc = new Document();
    delta.counts().forEach((counter, count) -> inc.append(COUNTS + "." + encode(counter), count));
    if (delta.routed() > 0) {
      inc.append("routing.count", delta.routed())
          .append("routing.totalMillis", delta.routingMillis());
    }
    Document update = new Document("$set", new Document(OFFSET, newOffset));
    if (!inc.isEmpty()) {
      update.append("$inc", inc);
    }
    if (delta.routed() > 0) {
      update.append("$max", new Document("routing.maxMillis", delta.maxRoutingMillis()));
    }
    long matched =
        totals()
            .updateOne(
                Filters.and(Filters.eq("_id", partition), Filters.eq(OFFSET, readOffset)), update)
            .getMatchedCount();
    if (matched == 0) {
      throw new OptimisticLockingFailureException(
          "KPI totals of " + partition + " moved past offset " + readOffset);
    }
  }

  private void insert(String partition, long offset, KpiDelta delta) {
    Document counts = new Document();
    delta.counts().forEach((counter, count) -> counts.append(encode(counter), count));
    Document totals =
        new Document("_id", partition)
            .append(OFFSET, offset)
            .append(COUNTS, counts)
            .append(
                "routing",
                new Document("count", delta.routed())
                    .append("totalMillis", delta.routingMillis())
                    .append("maxMillis", delta.maxRoutingMillis()));
    try {
      mongo.insert(totals, COLLECTION);
    } catch (DuplicateKeyException insertedMeanwhile) {
      throw new OptimisticLockingFailureException(
          "KPI totals of " + partition + " were created meanwhile", insertedMeanwhile);
    }
  }

  public List<CounterValue> values() {
    List<CounterValue> values = new ArrayList<>();
    for (Document totals : totals().find()) {
      Document counts = totals.get(COUNTS, Document.class);
      if (counts != null) {
        for (Map.Entry<String, Object> count : counts.entrySet()) {
          values.add(
              new CounterValue(decode(count.getKey()), ((Number) count.getValue()).longValue()));
        }
      }
    }
    return values;
  }

  public RoutingStatistics routing() {
    long count = 0;
    long totalMillis = 0;
    long maxMillis = 0;
    for (Document totals : totals().find()) {
      Document routing = totals.get("routing", Document.class);
      if (routing != null) {
        count += routing.get("count", Number.class).longValue();
        totalMillis += routing.get("totalMillis", Number.class).longValue();
        maxMillis = Math.max(maxMillis, routing.get("maxMillis", Number.class).longValue());
      }
    }
    return RoutingStatistics.of(count, totalMillis, maxMillis);
  }

  private MongoCollection<Document> totals() {
    return mongo.getCollection(COLLECTION);
  }

  /** Field names may hold neither dots nor a leading dollar; event types and keys have dots. */
  static String encode(Counter counter) {
    String id = counter.dimension().name() + ":" + counter.key();
    return id.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
  }

  static Counter decode(String field) {
    String id = field.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
    int colon = id.indexOf(':');
    return new Counter(Dimension.valueOf(id.substring(0, colon)), id.substring(colon + 1));
  }
}
