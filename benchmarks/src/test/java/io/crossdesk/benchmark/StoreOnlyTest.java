package io.crossdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.crossdesk.benchmark.baseline.StoreRecorder;
import io.crossdesk.benchmark.report.MarkdownReport;
import io.crossdesk.benchmark.result.BenchmarkResult;
import io.crossdesk.localstack.PersistentMongoServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOnlyTest {

  @TempDir Path data;
  @TempDir Path results;

  @Test
  void store_only_replays_a_recording_and_reports_the_store_alone() throws Exception {
    Path file = results.resolve("bench-earlier-store.bson");
    try (PersistentMongoServer server = PersistentMongoServer.start(data, "127.0.0.1", freePort());
        MongoClient client = MongoClients.create(server.connectionString())) {
      StoreRecorder recorder = new StoreRecorder(client);
      recorder.start(file, true);
      MongoCollection<Document> tickets =
          client.getDatabase("crossdesk-tickets").getCollection("tickets");
      IntStream.range(0, 20)
          .forEach(
              i -> {
                tickets.insertOne(new Document("_id", "t-" + i).append("version", 0));
                tickets.updateOne(
                    new Document("_id", "t-" + i).append("version", 0),
                    new Document("$inc", new Document("version", 1)));
              });
      recorder.stop();

      BenchOptions options =
          BenchOptions.parse(
              List.of(
                  "--store-only",
                  "--replay",
                  file.toString(),
                  "--mongo",
                  server.connectionString(),
                  "--duration",
                  "0.2",
                  "--run-dir",
                  data.resolve("no-pid-files").toString(),
                  "--results",
                  results.toString()));
      BenchmarkResult result =
          new Benchmark(options, new PrintStream(OutputStream.nullOutputStream())).runStoreOnly();

      var replay = result.storeAlone().replay();
      assertThat(replay.commands()).isEqualTo(40);
      assertThat(replay.tickets()).isEqualTo(20);
      assertThat(replay.commandsPerTicket()).containsEntry("total", 2.0);
      assertThat(replay.answeredDifferently()).isEmpty();
      assertThat(replay.ticketsPerSecond()).isPositive();
      assertThat(result.storeAlone().singleInserts().documents()).isPositive();
      assertThat(result.options()).containsEntry("mode", "store-only");
      assertThat(MarkdownReport.render(result))
          .contains("## The store alone", "bench-earlier-store.bson")
          .doesNotContain("Stopped before the end");
      assertThat(client.listDatabaseNames().into(new ArrayList<>()))
          .containsOnly("crossdesk-tickets");
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
