package io.crossdesk.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping}, which every MongoDB-compatible server answers (Boot's own
 * indicator uses {@code hello}, which the embedded server lacks).
 */
public class MongoPingHealthIndicator implements HealthIndicator {

  private final MongoTemplate mongo;

  public MongoPingHealthIndicator(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Health health() {
    Document answer = mongo.executeCommand(new Document("ping", 1));
    return Health.up()
        .withDetail("database", mongo.getDb().getName())
        .withDetail("ping", answer.get("ok"))
        .build();
  }
}
