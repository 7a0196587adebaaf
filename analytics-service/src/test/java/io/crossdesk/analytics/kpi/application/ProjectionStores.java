package io.crossdesk.analytics.kpi.application;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.crossdesk.testsupport.TestInfrastructure;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A fresh database on the test MongoDB server, for the projection's stores without Spring. */
final class ProjectionStores implements AutoCloseable {

  private final MongoClient client;
  private final MongoTemplate mongo;

  ProjectionStores() {
    String database = "stores-" + UUID.randomUUID().toString().substring(0, 8);
    client = MongoClients.create(TestInfrastructure.get().mongoUri(database));
    mongo = new MongoTemplate(client, database);
  }

  MongoTemplate mongo() {
    return mongo;
  }

  @Override
  public void close() {
    client.close();
  }
}
