package io.crossdesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentMongoServerTest {

  private static final String TEST_CLASSPATH = System.getProperty("java.class.path");

  @TempDir Path data;
  @TempDir Path logs;

  @Test
  void keepsDocumentsAcrossARestart() throws Exception {
    int port = FreePorts.next();
    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port)) {
      insertCustomer(server.connectionString(), "c-1", "Acme Logistics");
    }

    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", port)) {
      assertThat(customerName(server.connectionString(), "c-1")).isEqualTo("Acme Logistics");
    }
  }

  @Test
  void theServerProcessFlushesItsDataWhenStoppedWithSigterm() throws Exception {
    int port = FreePorts.next();
    JavaCommand command =
        JavaCommand.mainClass("mongo", TEST_CLASSPATH, MongoServerMain.class.getName())
            .withJvmFlags("-Xmx128m")
            .withArgs(data.toString(), String.valueOf(port));
    String uri = "mongodb://127.0.0.1:" + port;

    try (ServiceProcess mongo = ServiceProcess.start(command, logs.resolve("mongo.log"))) {
      mongo.awaitPortOpen("127.0.0.1", port, Duration.ofMinutes(1));
      insertCustomer(uri, "c-2", "Northwind Telecom");
      assertThat(mongo.stop(Duration.ofSeconds(20))).isEqualTo(143);
      assertThat(mongo.logTail(5)).contains("data flushed");
    }

    try (ServiceProcess mongo = ServiceProcess.start(command, logs.resolve("mongo.log"))) {
      mongo.awaitPortOpen("127.0.0.1", port, Duration.ofMinutes(1));
      assertThat(customerName(uri, "c-2")).isEqualTo("Northwind Telecom");
    }
    assertThat(data.resolve(PersistentMongoServer.DATA_FILE)).exists();
  }

  private static void insertCustomer(String uri, String id, String name) {
    try (MongoClient client = MongoClients.create(uri)) {
      customers(client).insertOne(new Document("_id", id).append("name", name));
    }
  }

  private static String customerName(String uri, String id) {
    try (MongoClient client = MongoClients.create(uri)) {
      Document customer = customers(client).find(Filters.eq("_id", id)).first();
      return customer == null ? null : customer.getString("name");
    }
  }

  private static MongoCollection<Document> customers(MongoClient client) {
    return client.getDatabase("crossdesk-customers").getCollection("customers");
  }
}
