package io.crossdesk.benchmark.baseline;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.crossdesk.benchmark.baseline.Recording.Entry;
import io.crossdesk.benchmark.observe.ProcessProbe;
import io.crossdesk.benchmark.result.StoreReplayResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * Replays a recording of the services' store commands on a store, as fast as it answers: each
 * recorded database becomes a fresh one ({@code replay_<run>_<database>}), the setup runs first
 * (collections, indexes, the snapshot's documents; not measured), then the recorded commands are
 * split into contiguous parts, one per thread, each sent in its recorded order with the driver's
 * {@code runCommand}, the next as soon as the previous is answered. Every answer is compared with
 * the recorded one. The replay's databases are dropped afterwards.
 */
public final class StoreReplay {

  /** Fields the driver adds to every command itself; it would send them twice. */
  private static final Set<String> DRIVER_FIELDS =
      Set.of(
          "$db",
          "lsid",
          "$clusterTime",
          "txnNumber",
          "autocommit",
          "startTransaction",
          "$readPreference",
          "apiVersion",
          "apiStrict",
          "apiDeprecationErrors");

  /** Databases of the server itself: their commands are not data and run where they ran. */
  private static final Set<String> SERVER_DATABASES = Set.of("admin", "local", "config");

  private final MongoClient client;
  private final String prefix;
  private final Long storePid;
  private final PrintStream progress;
  private final boolean keepDatabases;

  /** {@code storePid}: the store process, for its CPU; null when unknown. */
  public StoreReplay(MongoClient client, String runId, Long storePid, PrintStream progress) {
    this(client, "replay_" + runId + "_", storePid, progress, false);
  }

  private StoreReplay(
      MongoClient client,
      String prefix,
      Long storePid,
      PrintStream progress,
      boolean keepDatabases) {
    this.client = client;
    this.prefix = prefix;
    this.storePid = storePid;
    this.progress = progress;
    this.keepDatabases = keepDatabases;
  }

  /** The same replay, leaving its databases behind afterwards, to look at what it did. */
  StoreReplay keepingDatabases() {
    return new StoreReplay(client, prefix, storePid, progress, true);
  }

  /** The fresh database a recorded one is replayed into. */
  public String target(String database) {
    return SERVER_DATABASES.contains(database) ? database : prefix + database;
  }

  /**
   * {@code recordedDuring}: the phase the store recorded, for the report; null when unknown. The
   * replay's databases are dropped before and after.
   */
  public StoreReplayResult run(Recording recording, int threads, String recordedDuring) {
    Set<String> databases = new LinkedHashSet<>();
    recording.setup().forEach(entry -> databases.add(target(entry.database())));
    recording.commands().forEach(entry -> databases.add(target(entry.database())));
    databases.removeAll(SERVER_DATABASES);
    try {
      drop(databases);
      progress.printf(
          "[bench]   setup: %d commands, %d documents ...%n",
          recording.setup().size(), recording.setupDocuments());
      long setupRefused = setup(recording);
      List<List<Prepared>> parts = split(prepare(recording.commands()), threads);
      progress.printf(
          "[bench]   replaying %d commands (%.0f s recorded) on %d threads ...%n",
          recording.commands().size(), recording.seconds(), parts.size());
      return replay(recording, parts, recordedDuring, setupRefused);
    } finally {
      if (!keepDatabases) {
        drop(databases);
      }
    }
  }

  private long setup(Recording recording) {
    long refused = 0;
    for (Entry entry : recording.setup()) {
      try {
        database(entry.database()).runCommand(strip(entry.command()), RawBsonDocument.class);
      } catch (MongoCommandException e) {
        refused++;
      }
    }
    return refused;
  }

  private StoreReplayResult replay(
      Recording recording, List<List<Prepared>> parts, String recordedDuring, long setupRefused) {
    Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    Map<String, LongAdder> different = new ConcurrentHashMap<>();
    Map<String, Set<Long>> cursors = new ConcurrentHashMap<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    CountDownLatch connected = new CountDownLatch(parts.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      List<Prepared> part = parts.get(i);
      Thread worker =
          new Thread(
              () -> {
                try {
                  // One connection per thread before the clock starts.
                  client.getDatabase("admin").runCommand(new Document("ping", 1));
                  connected.countDown();
                  go.await();
                  for (Prepared command : part) {
                    if (failure.get() != null) {
                      return;
                    }
                    BsonDocument outcome;
                    try {
                      RawBsonDocument answer =
                          command.database().runCommand(command.command(), RawBsonDocument.class);
                      outcome = outcome(answer);
                      cursor(answer, command, cursors);
                    } catch (MongoCommandException e) {
                      refused.computeIfAbsent(command.name(), c -> new LongAdder()).increment();
                      outcome = new BsonDocument("ok", new BsonInt32(0));
                      outcome.put("code", new BsonInt32(e.getErrorCode()));
                    }
                    if (!outcome.equals(command.recorded())) {
                      different.computeIfAbsent(command.name(), c -> new LongAdder()).increment();
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                  failure.compareAndSet(null, e);
                  connected.countDown();
                }
              },
              "store-replay-" + i);
      workers.add(worker);
      worker.start();
    }
    await(connected);
    Long cpuBefore = cpuTicks();
    long started = System.nanoTime();
    go.countDown();
    workers.forEach(StoreReplay::join);
    double seconds = (System.nanoTime() - started) / 1e9;
    Long cpuAfter = cpuTicks();
    if (failure.get() != null) {
      throw new IllegalStateException("the replay failed: " + failure.get(), failure.get());
    }
    killCursors(cursors);

    long commands = recording.commands().size();
    long tickets = recording.tickets();
    Map<String, Double> perTicket = new TreeMap<>();
    if (tickets > 0) {
      recording.commandCounts().forEach((name, n) -> perTicket.put(name, (double) n / tickets));
      perTicket.put("total", (double) commands / tickets);
    }
    double commandsPerSecond = seconds > 0 ? commands / seconds : 0;
    Double cpuSeconds =
        cpuBefore == null || cpuAfter == null ? null : ProcessProbe.seconds(cpuAfter - cpuBefore);
    return new StoreReplayResult(
        recording.file().toString(),
        recordedDuring,
        recording.seconds(),
        commands,
        tickets,
        perTicket,
        recording.skipped(),
        recording.setup().size(),
        recording.setupDocuments(),
        parts.size(),
        seconds,
        commandsPerSecond,
        tickets > 0 ? commandsPerSecond * tickets / commands : null,
        cpuSeconds,
        cpuSeconds == null || tickets == 0 ? null : cpuSeconds * 1000 / tickets,
        cpuSeconds == null || commands == 0 ? null : cpuSeconds * 1000 / commands,
        sums(refused),
        sums(different),
        setupRefused);
  }

  /** The recorded commands as they will be sent: in their fresh database, without driver fields. */
  private List<Prepared> prepare(List<Entry> entries) {
    Map<String, MongoDatabase> databases = new LinkedHashMap<>();
    List<Prepared> prepared = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      MongoDatabase database =
          databases.computeIfAbsent(entry.database(), d -> client.getDatabase(target(d)));
      prepared.add(
          new Prepared(
              database, entry.name(), strip(entry.command()), comparable(entry.outcome())));
    }
    return prepared;
  }

  /** Contiguous parts of (nearly) equal size, in order. */
  static <T> List<List<T>> split(List<T> commands, int parts) {
    int count = Math.max(1, Math.min(parts, commands.size()));
    List<List<T>> split = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      split.add(
          commands.subList(
              (int) ((long) commands.size() * i / count),
              (int) ((long) commands.size() * (i + 1) / count)));
    }
    return split;
  }

  private static RawBsonDocument strip(RawBsonDocument command) {
    BsonDocument copy = new BsonDocument();
    for (Map.Entry<String, BsonValue> field : command.entrySet()) {
      if (!DRIVER_FIELDS.contains(field.getKey())) {
        copy.put(field.getKey(), field.getValue());
      }
    }
    return new RawBsonDocument(copy, new BsonDocumentCodec());
  }

  /**
   * What an answer says, as the store recorded it: ok, n (or findAndModify's lastErrorObject.n),
   * nModified, documents returned (a cursor's first batch, or findAndModify's value), write errors.
   */
  static BsonDocument outcome(BsonDocument answer) {
    BsonDocument outcome = new BsonDocument();
    BsonValue ok = answer.get("ok");
    outcome.put(
        "ok",
        new BsonInt32(ok != null && ok.isNumber() && ok.asNumber().doubleValue() == 1 ? 1 : 0));
    BsonValue n = answer.get("n");
    if (n == null && answer.get("lastErrorObject") instanceof BsonDocument lastError) {
      n = lastError.get("n");
    }
    if (n != null && n.isNumber()) {
      outcome.put("n", new BsonInt32(n.asNumber().intValue()));
    }
    BsonValue modified = answer.get("nModified");
    if (modified != null && modified.isNumber()) {
      outcome.put("nModified", new BsonInt32(modified.asNumber().intValue()));
    }
    if (answer.get("cursor") instanceof BsonDocument cursor
        && cursor.get("firstBatch") instanceof BsonArray batch) {
      outcome.put("docs", new BsonInt32(batch.size()));
    } else if (answer.containsKey("value")) {
      outcome.put("docs", new BsonInt32(answer.get("value").isNull() ? 0 : 1));
    }
    if (answer.get("writeErrors") instanceof BsonArray errors) {
      outcome.put("writeErrors", new BsonInt32(errors.size()));
    }
    BsonValue code = answer.get("code");
    if (code != null && code.isNumber()) {
      outcome.put("code", new BsonInt32(code.asNumber().intValue()));
    }
    return outcome;
  }

  /** The recorded outcome, decoded once, so that comparing is cheap. */
  private static BsonDocument comparable(BsonDocument recorded) {
    BsonDocument copy = new BsonDocument();
    recorded.forEach(copy::put);
    return copy;
  }

  private static void cursor(
      RawBsonDocument answer, Prepared command, Map<String, Set<Long>> cursors) {
    if (answer.get("cursor") instanceof BsonDocument cursor
        && cursor.get("id") instanceof BsonInt64 id
        && id.getValue() != 0
        && cursor.get("ns") != null
        && cursor.get("ns").isString()) {
      String namespace = cursor.getString("ns").getValue();
      String collection = namespace.substring(namespace.indexOf('.') + 1);
      cursors
          .computeIfAbsent(
              command.database().getName() + "\u0000" + collection,
              k -> ConcurrentHashMap.newKeySet())
          .add(id.getValue());
    }
  }

  /** The services' cursor continuations are not recorded: what their finds left open goes. */
  private void killCursors(Map<String, Set<Long>> cursors) {
    cursors.forEach(
        (key, ids) -> {
          String[] parts = key.split("\u0000", 2);
          try {
            client
                .getDatabase(parts[0])
                .runCommand(
                    new Document("killCursors", parts[1]).append("cursors", new ArrayList<>(ids)));
          } catch (MongoCommandException e) {
            progress.printf("[bench]   could not close cursors on %s: %s%n", parts[1], e);
          }
        });
  }

  private MongoDatabase database(String recorded) {
    return client.getDatabase(target(recorded));
  }

  private void drop(Set<String> databases) {
    for (String database : databases) {
      try {
        client.getDatabase(database).drop();
      } catch (RuntimeException e) {
        progress.printf("[bench]   could not drop %s: %s%n", database, e);
      }
    }
  }

  private Long cpuTicks() {
    if (storePid == null) {
      return null;
    }
    var ticks = ProcessProbe.cpuTicks(storePid);
    return ticks.isPresent() ? ticks.getAsLong() : null;
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counts) {
    Map<String, Long> sums = new TreeMap<>();
    counts.forEach((name, count) -> sums.put(name, count.sum()));
    return sums;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
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

  private record Prepared(
      MongoDatabase database, String name, RawBsonDocument command, BsonDocument recorded) {}
}
