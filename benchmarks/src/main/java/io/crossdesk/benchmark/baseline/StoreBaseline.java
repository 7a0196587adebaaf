package io.crossdesk.benchmark.baseline;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.crossdesk.benchmark.observe.ProcessProbe;
import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreBaselineResult.RawLeg;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * What the MongoDB-compatible store alone does here, through the real MongoDB Java driver, on
 * throwaway databases that are dropped afterwards: single and bulk inserts for reference, then the
 * operations of an intake ticket ({@link TicketMix}) as fast as the store takes them. The store
 * process's CPU is read from /proc when its pid is known.
 */
public final class StoreBaseline {

  /** Enough to see the store's pace for plain inserts. */
  private static final Duration MAX_RAW_LEG = Duration.ofSeconds(10);

  private static final Duration MAX_WARM_UP = Duration.ofSeconds(5);
  private static final int RAW_DOCUMENT_BYTES = 800;
  private static final int SINGLE_INSERT_THREADS = 4;
  private static final int BULK_BATCH = 200;

  private final String uri;
  private final String prefix;
  private final String runId;
  private final Long storePid;
  private final PrintStream progress;

  /**
   * {@code storePid}: the store process, for its CPU; null when unknown. {@code progress}: one line
   * per leg.
   */
  public StoreBaseline(String uri, String runId, Long storePid, PrintStream progress) {
    this.uri = uri;
    this.runId = runId;
    this.prefix = "crossdesk-benchmark-store-" + runId + "-";
    this.storePid = storePid;
    this.progress = progress;
  }

  public StoreBaselineResult run(Duration duration) {
    CommandCounter commands = new CommandCounter();
    List<MongoClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        clients.add(client(commands));
      }
      Duration raw = duration.compareTo(MAX_RAW_LEG) < 0 ? duration : MAX_RAW_LEG;
      progress.printf("[bench]   single inserts, %d threads, %d s ...%n", 4, raw.toSeconds());
      RawLeg single = singleInserts(clients.get(0), raw);
      progress.printf("[bench]   bulk inserts of %d, %d s ...%n", BULK_BATCH, raw.toSeconds());
      RawLeg bulk = bulkInserts(clients.get(0), raw);
      progress.printf("[bench]   an intake ticket's operations, %d s ...%n", duration.toSeconds());
      return mix(clients, commands, duration, single, bulk);
    } finally {
      try {
        if (!clients.isEmpty()) {
          dropAll(clients.get(0));
        }
      } finally {
        clients.forEach(MongoClient::close);
      }
    }
  }

  private StoreBaselineResult mix(
      List<MongoClient> clients,
      CommandCounter commands,
      Duration duration,
      RawLeg single,
      RawLeg bulk) {
    TicketMix mix =
        new TicketMix(
            prefix, runId, clients.get(0), clients.get(1), clients.get(2), clients.get(3));
    mix.prepare();
    Duration warmUp = duration.dividedBy(4);
    if (warmUp.compareTo(MAX_WARM_UP) > 0) {
      warmUp = MAX_WARM_UP;
    }
    mix.start();
    try {
      sleep(warmUp);
      long completedBefore = mix.completed();
      Map<String, Long> commandsBefore = commands.snapshot();
      Long cpuBefore = cpuTicks();
      long started = System.nanoTime();
      sleep(duration);
      long completed = mix.completed() - completedBefore;
      Map<String, Long> commandsAfter = commands.snapshot();
      Long cpuAfter = cpuTicks();
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<String, Double> perTicket = new TreeMap<>();
      long total = 0;
      for (Map.Entry<String, Long> entry : commandsAfter.entrySet()) {
        long n = entry.getValue() - commandsBefore.getOrDefault(entry.getKey(), 0L);
        if (n > 0 && completed > 0) {
          perTicket.put(entry.getKey(), (double) n / completed);
          total += n;
        }
      }
      if (completed > 0) {
        perTicket.put("total", (double) total / completed);
      }
      Double cpuSeconds =
          cpuBefore == null || cpuAfter == null ? null : ProcessProbe.seconds(cpuAfter - cpuBefore);
      return new StoreBaselineResult(
          mix.threadsByStage(),
          TicketMix.WINDOW,
          warmUp.toMillis() / 1000.0,
          seconds,
          completed,
          completed / seconds,
          perTicket,
          mix.meanBatch(),
          mix.documentBytes(),
          cpuSeconds,
          cpuSeconds == null || completed == 0 ? null : cpuSeconds * 1000 / completed,
          single,
          bulk);
    } finally {
      mix.stop();
    }
  }

  private RawLeg singleInserts(MongoClient client, Duration duration) {
    MongoCollection<Document> collection = raw(client, "single_inserts");
    LongAdder inserted = new LongAdder();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Long cpuBefore = cpuTicks();
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < SINGLE_INSERT_THREADS; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < deadline && failure.get() == null) {
                    collection.insertOne(TicketDocuments.filler(RAW_DOCUMENT_BYTES));
                    inserted.increment();
                  }
                } catch (RuntimeException e) {
                  failure.compareAndSet(null, e);
                }
              },
              "store-single-inserts-" + i);
      threads.add(thread);
      thread.start();
    }
    threads.forEach(StoreBaseline::join);
    if (failure.get() != null) {
      throw new IllegalStateException("single inserts failed: " + failure.get(), failure.get());
    }
    return leg(SINGLE_INSERT_THREADS, 1, inserted.sum(), started, cpuBefore);
  }

  private RawLeg bulkInserts(MongoClient client, Duration duration) {
    MongoCollection<Document> collection = raw(client, "bulk_inserts");
    Long cpuBefore = cpuTicks();
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    long inserted = 0;
    while (System.nanoTime() < deadline) {
      List<Document> batch = new ArrayList<>(BULK_BATCH);
      for (int i = 0; i < BULK_BATCH; i++) {
        batch.add(TicketDocuments.filler(RAW_DOCUMENT_BYTES));
      }
      collection.insertMany(batch, new InsertManyOptions().ordered(false));
      inserted += BULK_BATCH;
    }
    return leg(1, BULK_BATCH, inserted, started, cpuBefore);
  }

  private RawLeg leg(int threads, int batch, long documents, long started, Long cpuBefore) {
    double seconds = (System.nanoTime() - started) / 1e9;
    Long cpuAfter = cpuTicks();
    Double cpuMillis =
        cpuBefore == null || cpuAfter == null || documents == 0
            ? null
            : ProcessProbe.seconds(cpuAfter - cpuBefore) * 1000 / documents;
    int bytes =
        new RawBsonDocument(TicketDocuments.filler(RAW_DOCUMENT_BYTES), new DocumentCodec())
            .getByteBuffer()
            .remaining();
    return new RawLeg(threads, batch, bytes, documents, seconds, documents / seconds, cpuMillis);
  }

  private MongoCollection<Document> raw(MongoClient client, String collection) {
    return client.getDatabase(prefix + "raw").getCollection(collection);
  }

  private void dropAll(MongoClient client) {
    List<String> databases = new ArrayList<>(TicketMix.databases(prefix));
    databases.add(prefix + "raw");
    for (String database : databases) {
      try {
        client.getDatabase(database).drop();
      } catch (RuntimeException e) {
        progress.printf("[bench]   could not drop %s: %s%n", database, e);
      }
    }
  }

  private MongoClient client(CommandCounter commands) {
    return MongoClients.create(
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .addCommandListener(commands)
            .build());
  }

  private Long cpuTicks() {
    if (storePid == null) {
      return null;
    }
    var ticks = ProcessProbe.cpuTicks(storePid);
    return ticks.isPresent() ? ticks.getAsLong() : null;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
