package io.crossdesk.analytics.warning.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.crossdesk.contracts.analytics.AnomalyDetected;
import io.crossdesk.contracts.analytics.CustomerAtRisk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The raised warnings as requests read them, kept from the engine's events: complaint spikes
 * ({@code alerts}, by anomaly id, acknowledged by a supervisor) and customers at risk ({@code
 * customers_at_risk}, by customer, the latest raise with every reason). Both are written by id
 * only, so an event delivered again changes nothing. Both collections stay small: a spike or a
 * customer at risk is rare next to tickets.
 */
@Component
public class WarningStore {

  static final String ALERTS = "alerts";
  static final String AT_RISK = "customers_at_risk";

  /** A spike as listed. */
  public record Alert(
      String id,
      String kind,
      String category,
      String region,
      Instant hourStart,
      long observed,
      double baselineMean,
      double baselineStdDev,
      double threshold,
      Instant detectedAt,
      String status,
      String acknowledgedBy,
      Instant acknowledgedAt) {}

  /** A customer at risk as listed. */
  public record AtRisk(
      String customerId,
      String customerTier,
      List<CustomerAtRisk.Reason> reasons,
      String latestReason,
      String ticketId,
      Instant flaggedAt) {}

  private final MongoTemplate mongo;

  public WarningStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public void record(AnomalyDetected spike) {
    collection(ALERTS)
        .updateOne(
            Filters.eq("_id", spike.anomalyId()),
            Updates.combine(
                Updates.set("kind", spike.kind()),
                Updates.set("category", spike.category()),
                Updates.set("region", spike.region()),
                Updates.set("hourStart", Date.from(spike.hourStart())),
                Updates.set("observed", spike.observed()),
                Updates.set("baselineMean", spike.baselineMean()),
                Updates.set("baselineStdDev", spike.baselineStdDev()),
                Updates.set("threshold", spike.threshold()),
                Updates.set("detectedAt", Date.from(spike.detectedAt())),
                Updates.setOnInsert("status", "OPEN")),
            new UpdateOptions().upsert(true));
  }

  /**
   * Acknowledges an open alert.
   *
   * @return the alert after, or empty when there is no such alert
   */
  public Optional<Alert> acknowledge(String id, String by, Instant at) {
    collection(ALERTS)
        .updateOne(
            Filters.and(Filters.eq("_id", id), Filters.eq("status", "OPEN")),
            Updates.combine(
                Updates.set("status", "ACKNOWLEDGED"),
                Updates.set("acknowledgedBy", by),
                Updates.set("acknowledgedAt", Date.from(at))));
    return Optional.ofNullable(collection(ALERTS).find(Filters.eq("_id", id)).first())
        .map(WarningStore::alert);
  }

  /** The newest alerts first, of one status or of any when {@code status} is null. */
  public List<Alert> alerts(String status, int limit) {
    Bson filter = status == null ? new Document() : Filters.eq("status", status);
    List<Alert> alerts = new ArrayList<>();
    for (Document stored :
        collection(ALERTS).find(filter).sort(Sorts.descending("detectedAt")).limit(limit)) {
      alerts.add(alert(stored));
    }
    return alerts;
  }

  /** Keeps the customer's latest raise: an older one delivered late changes nothing. */
  public void record(CustomerAtRisk raised) {
    List<Document> reasons =
        raised.reasons().stream()
            .map(
                reason ->
                    new Document("code", reason.code())
                        .append("detail", reason.detail())
                        .append("since", Date.from(reason.since())))
            .toList();
    try {
      collection(AT_RISK)
          .updateOne(
              Filters.and(
                  Filters.eq("_id", raised.customerId()),
                  Filters.or(
                      Filters.lt("flaggedAt", Date.from(raised.flaggedAt())),
                      Filters.exists("flaggedAt", false))),
              Updates.combine(
                  Updates.set("customerTier", raised.customerTier()),
                  Updates.set("reasons", reasons),
                  Updates.set("latestReason", raised.newReason()),
                  Updates.set("ticketId", raised.ticketId()),
                  Updates.set("flaggedAt", Date.from(raised.flaggedAt()))),
              new UpdateOptions().upsert(true));
    } catch (MongoWriteException failed) {
      // A duplicate _id: the guard failed on a stored document, a newer raise is there already.
      if (failed.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw failed;
      }
    }
  }

  /** Customers raised since {@code since}, the latest first. */
  public List<AtRisk> atRisk(Instant since, int limit) {
    List<AtRisk> customers = new ArrayList<>();
    for (Document stored :
        collection(AT_RISK)
            .find(Filters.gte("flaggedAt", Date.from(since)))
            .sort(Sorts.descending("flaggedAt"))
            .limit(limit)) {
      List<CustomerAtRisk.Reason> reasons = new ArrayList<>();
      for (Document reason : stored.getList("reasons", Document.class)) {
        reasons.add(
            new CustomerAtRisk.Reason(
                reason.getString("code"),
                reason.getString("detail"),
                reason.getDate("since").toInstant()));
      }
      customers.add(
          new AtRisk(
              stored.getString("_id"),
              stored.getString("customerTier"),
              reasons,
              stored.getString("latestReason"),
              stored.getString("ticketId"),
              stored.getDate("flaggedAt").toInstant()));
    }
    return customers;
  }

  private static Alert alert(Document stored) {
    Date acknowledgedAt = stored.getDate("acknowledgedAt");
    return new Alert(
        stored.getString("_id"),
        stored.getString("kind"),
        stored.getString("category"),
        stored.getString("region"),
        stored.getDate("hourStart").toInstant(),
        ((Number) stored.get("observed")).longValue(),
        ((Number) stored.get("baselineMean")).doubleValue(),
        ((Number) stored.get("baselineStdDev")).doubleValue(),
        ((Number) stored.get("threshold")).doubleValue(),
        stored.getDate("detectedAt").toInstant(),
        stored.getString("status"),
        stored.getString("acknowledgedBy"),
        acknowledgedAt == null ? null : acknowledgedAt.toInstant());
  }

  private MongoCollection<Document> collection(String name) {
    return mongo.getCollection(name);
  }
}
