package io.crossdesk.analytics.kpi.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which generation of the figures is served, and which one a rebuild is computing: one document,
 * {@code kpi_generations/current}, changed only by conditional updates, so two instances never both
 * start a rebuild or both finish one.
 */
@Component
public class GenerationStore {

  static final String COLLECTION = "kpi_generations";
  private static final String ID = "current";

  /**
   * The generations as stored.
   *
   * @param building the generation a rebuild is computing, or null
   * @param previous the generation served before the last rebuild finished, or null
   */
  public record Generations(
      int served,
      Integer building,
      Integer previous,
      String requestedBy,
      Instant requestedAt,
      Instant finishedAt) {

    static Generations first() {
      return new Generations(1, null, null, null, null, null);
    }
  }

  private final MongoTemplate mongo;

  public GenerationStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Generations current() {
    Document stored = collection().find(Filters.eq("_id", ID)).first();
    if (stored == null) {
      return Generations.first();
    }
    return new Generations(
        stored.getInteger("served"),
        stored.getInteger("building"),
        stored.getInteger("previous"),
        stored.getString("requestedBy"),
        instant(stored.getDate("requestedAt")),
        instant(stored.getDate("finishedAt")));
  }

  /**
   * Starts a rebuild into the generation after the served one.
   *
   * @return the generations after, or empty when a rebuild is running already
   */
  public Optional<Generations> startRebuild(String by, Instant at) {
    Generations now = current();
    if (now.building() != null) {
      return Optional.empty();
    }
    int next = Math.max(now.served(), now.previous() == null ? 0 : now.previous()) + 1;
    Document update =
        new Document("served", now.served())
            .append("building", next)
            .append("previous", now.previous())
            .append("requestedBy", by)
            .append("requestedAt", Date.from(at))
            .append("finishedAt", null);
    try {
      long changed =
          collection()
              .updateOne(
                  Filters.and(Filters.eq("_id", ID), Filters.eq("building", null)),
                  new Document("$set", update),
                  new com.mongodb.client.model.UpdateOptions().upsert(true))
              .getModifiedCount();
      if (changed == 0 && current().building() != next) {
        return Optional.empty();
      }
    } catch (com.mongodb.MongoWriteException | DuplicateKeyException runningAlready) {
      return Optional.empty();
    }
    return Optional.of(current());
  }

  /**
   * Serves the generation a rebuild computed, if it is still the one being built.
   *
   * @return whether this call switched
   */
  public boolean finishRebuild(int built, Instant at) {
    Generations now = current();
    return collection()
            .updateOne(
                Filters.and(Filters.eq("_id", ID), Filters.eq("building", built)),
                Updates.combine(
                    Updates.set("served", built),
                    Updates.set("building", null),
                    Updates.set("previous", now.served()),
                    Updates.set("finishedAt", Date.from(at))))
            .getModifiedCount()
        == 1;
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
