package io.crossdesk.analytics.goal.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.crossdesk.analytics.goal.domain.Measure;
import io.crossdesk.analytics.goal.domain.Target;
import io.crossdesk.analytics.goal.domain.TargetSet;
import io.crossdesk.analytics.kpi.domain.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The targets, one document per version ({@code kpi_targets}, {@code _id} the version): an edit
 * inserts the next version, so two edits made at once store one, and the other is told. The
 * collection holds as many documents as there were edits.
 */
@Component
public class TargetStore {

  static final String COLLECTION = "kpi_targets";

  private final MongoTemplate mongo;

  public TargetStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public TargetSet current() {
    Document latest = collection().find().sort(Sorts.descending("_id")).limit(1).first();
    return latest == null ? TargetSet.none() : set(latest);
  }

  public Optional<TargetSet> version(int version) {
    return Optional.ofNullable(collection().find(Filters.eq("_id", version)).first())
        .map(TargetStore::set);
  }

  /**
   * Stores the targets as the version after {@code after}.
   *
   * @throws DuplicateKeyException when another edit stored that version first
   */
  public TargetSet publish(int after, List<Target> targets, String by, Instant at) {
    TargetSet next = new TargetSet(after + 1, targets, by, at);
    List<Document> stored = new ArrayList<>();
    for (Target target : targets) {
      stored.add(
          new Document("kpi", target.measure().id())
              .append("department", target.department())
              .append("period", target.period().id())
              .append("target", target.target())
              .append("gradeB", target.gradeB()));
    }
    try {
      collection()
          .insertOne(
              new Document("_id", next.version())
                  .append("targets", stored)
                  .append("changedBy", by)
                  .append("changedAt", Date.from(at)));
    } catch (com.mongodb.MongoWriteException taken) {
      throw new DuplicateKeyException("version " + next.version() + " was stored meanwhile", taken);
    }
    return next;
  }

  private static TargetSet set(Document stored) {
    List<Target> targets = new ArrayList<>();
    for (Document target : stored.getList("targets", Document.class)) {
      targets.add(
          new Target(
              Measure.byId(target.getString("kpi")).orElseThrow(),
              target.getString("department"),
              Period.fromId(target.getString("period")),
              ((Number) target.get("target")).doubleValue(),
              ((Number) target.get("gradeB")).doubleValue()));
    }
    return new TargetSet(
        stored.getInteger("_id"),
        targets,
        stored.getString("changedBy"),
        stored.getDate("changedAt").toInstant());
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }
}
