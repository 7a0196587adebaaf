package io.crossdesk.benchmark.baseline;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.crossdesk.benchmark.observe.ProcessProbe;
import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreBaselineResult.RawLeg;
import io.crossdesk.benchmark.result.StoreReplayResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Plain inserts into the MongoDB-compatible store, through the real MongoDB Java driver, for
 * reference beside the replay of the services' commands ({@link StoreReplay}): small documents with
 * nothing but {@code _id} to index, one by one from 4 threads, then in batches of 200 from one. In
 * a throwaway database, dropped afterwards. The store process's CPU is read from /proc when its pid
 * is known.
 */
public final class StoreBaseline {

  private static final int RAW_DOCUMENT_BYTES = 800;
  private static final int SINGLE_INSERT_THREADS = 4;
  private static final int BULK_BATCH = 200;

  private final MongoClient client;
  private final String database;
  private final Long storePid;
  private final PrintStream progress;

  /**
   * {@code storePid}: the store process, for its CPU; null when unknown. {@code progress}: one line
   * per leg.
   */
  public StoreBaseline(MongoClient client, String runId, Long storePid, PrintStream progress) {
    this.client = client;
    this.database = "crossdesk-benchmark-store-" + runId + "-raw";
    this.storePid = storePid;
    this.progress = progress;
  }

  /** Single inserts, then bulk inserts, each for {@code duration}, beside {@code replay}. */
  public StoreBaselineResult run(StoreReplayResult replay, Duration duration) {
    try {
      progress.printf(
          "[bench]   single inserts, %d threads, %d s ...%n",
          SINGLE_INSERT_THREADS, duration.toSeconds());
      RawLeg single = singleInserts(duration);
      progress.printf("[bench]   bulk inserts of %d, %d s ...%n", BULK_BATCH, duration.toSeconds());
      return new StoreBaselineResult(replay, single, bulkInserts(duration));
    } finally {
      try {
        client.getDatabase(database).drop();
      } catch (RuntimeException e) {
        progress.printf("[bench]   could not drop %s: %s%n", database, e);
      }
    }
  }

  private RawLeg singleInserts(Duration duration) {
    MongoCollection<Document> collection = raw("single_inserts");
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
                    collection.insertOne(filler(RAW_DOCUMENT_BYTES));
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

  private RawLeg bulkInserts(Duration duration) {
    MongoCollection<Document> collection = raw("bulk_inserts");
    Long cpuBefore = cpuTicks();
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    long inserted = 0;
    while (System.nanoTime() < deadline) {
      List<Document> batch = new ArrayList<>(BULK_BATCH);
      for (int i = 0; i < BULK_BATCH; i++) {
        batch.add(filler(RAW_DOCUMENT_BYTES));
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
        new RawBsonDocument(filler(RAW_DOCUMENT_BYTES), new DocumentCodec())
            .getByteBuffer()
            .remaining();
    return new RawLeg(threads, batch, bytes, documents, seconds, documents / seconds, cpuMillis);
  }

  private MongoCollection<Document> raw(String collection) {
    return client.getDatabase(database).getCollection(collection);
  }

  /** A document of about {@code bytes} bytes: a random {@code _id} and a random hex payload. */
  static Document filler(int bytes) {
    byte[] random = new byte[Math.max(1, (bytes - 60) / 2)];
    ThreadLocalRandom.current().nextBytes(random);
    return new Document("_id", UUID.randomUUID().toString())
        .append("payload", HexFormat.of().formatHex(random));
  }

  private Long cpuTicks() {
    if (storePid == null) {
      return null;
    }
    var ticks = ProcessProbe.cpuTicks(storePid);
    return ticks.isPresent() ? ticks.getAsLong() : null;
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
