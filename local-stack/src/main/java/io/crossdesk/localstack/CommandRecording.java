package io.crossdesk.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One recording of the commands the store receives, written to a file as concatenated BSON
 * documents (the format of {@code bsondump}): a header, the setup (collections, indexes and, with a
 * snapshot, the documents the store held when the recording started), then one entry per command in
 * the order the commands finished, then a trailer. The command threads only encode and queue an
 * entry, without waking anything; one writer thread takes what is queued every couple of
 * milliseconds and appends it, buffered.
 */
final class CommandRecording {

  static final String FORMAT = "crossdesk-store-recording";
  static final int VERSION = 1;

  /**
   * Not recorded, by lower-case name: cursor continuations (their find or aggregate is recorded,
   * and a replay runs it again), the connection handshake and authentication, and monitoring.
   */
  static final Set<String> SKIPPED =
      Set.of(
          "getmore",
          "killcursors",
          "hello",
          "ismaster",
          "buildinfo",
          "saslstart",
          "saslcontinue",
          "endsessions",
          "ping");

  private static final int BUFFER_BYTES = 1 << 20;
  private static final long WRITER_PAUSE_NANOS = 2_000_000;

  private final Path file;
  private final OutputStream out;
  private final long startedNanos = System.nanoTime();
  private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
  private final LongAdder commands = new LongAdder();
  private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
  private final Thread writer = new Thread(this::writeQueued, "crossdesk-recording-writer");
  private final Object inFlightLock = new Object();
  private int inFlight;
  private boolean closing;
  private long setupEntries;
  private long bytesWritten;
  private volatile boolean stopping;
  private volatile IOException failure;

  private CommandRecording(Path file, OutputStream out) {
    this.file = file;
    this.out = out;
    writer.setDaemon(true);
  }

  /** Creates the file (never overwrites one) and writes the header. */
  static CommandRecording create(Path file, boolean snapshot) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    OutputStream out =
        new BufferedOutputStream(
            Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            BUFFER_BYTES);
    CommandRecording recording = new CommandRecording(file, out);
    recording.write(
        new BsonBytes()
            .string("kind", "header")
            .string("format", FORMAT)
            .int32("version", VERSION)
            .int64("startedAtMillis", System.currentTimeMillis())
            .bool("snapshot", snapshot)
            .finish());
    return recording;
  }

  Path file() {
    return file;
  }

  /** Before {@link #start}: a command a replay runs before the recorded ones, unmeasured. */
  void setup(String database, Document command) {
    write(
        new BsonBytes()
            .string("kind", "setup")
            .string("db", database)
            .document("command", BsonBytes.encode(command))
            .finish());
    setupEntries++;
  }

  /** Before {@link #start}: an insert of documents already encoded. */
  void setupInsert(String database, String collection, List<byte[]> documents) {
    byte[] insert =
        new BsonBytes()
            .string("insert", collection)
            .array("documents", documents)
            .bool("ordered", false)
            .finish();
    write(
        new BsonBytes()
            .string("kind", "setup")
            .string("db", database)
            .document("command", insert)
            .finish());
    setupEntries++;
  }

  long setupEntries() {
    return setupEntries;
  }

  /** From here on, commands are queued and written by the writer thread. */
  void start() {
    writer.start();
  }

  /** Counts a command that is not recorded; true when {@code command} is one. */
  boolean skips(String command) {
    String name = command.toLowerCase(Locale.ROOT);
    if (!SKIPPED.contains(name)) {
      return false;
    }
    skipped.computeIfAbsent(command, c -> new LongAdder()).increment();
    return true;
  }

  /** False once the recording is stopping: the command then runs unrecorded. */
  boolean enter() {
    synchronized (inFlightLock) {
      if (closing) {
        return false;
      }
      inFlight++;
      return true;
    }
  }

  void exit() {
    synchronized (inFlightLock) {
      inFlight--;
      if (inFlight == 0 && closing) {
        inFlightLock.notifyAll();
      }
    }
  }

  /**
   * One command, encoded before it ran ({@code command}), with what it returned ({@code outcome}):
   * {@code startNanos} and {@code endNanos} from {@link System#nanoTime()}.
   */
  void add(String database, byte[] command, long startNanos, long endNanos, byte[] outcome) {
    queue.add(
        new BsonBytes(command.length + outcome.length + database.length() + 128)
            .string("kind", "command")
            .int64("t", startNanos - startedNanos)
            .string("db", database)
            .document("command", command)
            .document("outcome", outcome)
            .int64("took", endNanos - startNanos)
            .finish());
    commands.increment();
  }

  /**
   * Waits for the commands under way to be queued, writes the trailer and closes the file. Called
   * once, after the recording was taken out of use.
   */
  Document stop() throws IOException {
    synchronized (inFlightLock) {
      closing = true;
      while (inFlight > 0) {
        try {
          inFlightLock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while stopping the recording", e);
        }
      }
    }
    Map<String, Long> skippedCounts = new TreeMap<>();
    skipped.forEach((command, count) -> skippedCounts.put(command, count.sum()));
    BsonBytes skippedDocument = new BsonBytes();
    skippedCounts.forEach((command, count) -> skippedDocument.int64(command, count));
    long recorded = commands.sum();
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    queue.add(
        new BsonBytes()
            .string("kind", "end")
            .int64("commands", recorded)
            .int64("nanos", System.nanoTime() - startedNanos)
            .document("skipped", skippedDocument.finish())
            .finish());
    stopping = true;
    LockSupport.unpark(writer);
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the recording", e);
    }
    out.close();
    if (failure != null) {
      throw failure;
    }
    Document skippedReply = new Document();
    skippedCounts.forEach(skippedReply::put);
    return new Document("file", file.toString())
        .append("commands", recorded)
        .append("setupEntries", setupEntries)
        .append("seconds", seconds)
        .append("bytes", bytesWritten)
        .append("skipped", skippedReply);
  }

  /** Stops a recording whose setup failed, keeping the file as far as it got. */
  void abandon() {
    try {
      out.close();
    } catch (IOException ignored) {
      // The error that made us give up is the one reported.
    }
  }

  private void write(byte[] entry) {
    try {
      out.write(entry);
      bytesWritten += entry.length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void writeQueued() {
    while (true) {
      // Read before draining: whatever was queued before stop() set it is written.
      boolean last = stopping;
      byte[] entry;
      while ((entry = queue.poll()) != null) {
        if (failure == null) {
          try {
            out.write(entry);
            bytesWritten += entry.length;
          } catch (IOException e) {
            failure = e;
          }
        }
      }
      if (last) {
        try {
          out.flush();
        } catch (IOException e) {
          failure = e;
        }
        return;
      }
      LockSupport.parkNanos(WRITER_PAUSE_NANOS);
    }
  }

  /** What a command returned, in the few figures a replay compares with its own answer. */
  static byte[] outcome(Document response) {
    BsonBytes outcome = new BsonBytes();
    outcome.int32("ok", response.get("ok") instanceof Number ok && ok.doubleValue() == 1 ? 1 : 0);
    Object n = response.get("n");
    if (n == null && response.get("lastErrorObject") instanceof Document lastError) {
      n = lastError.get("n");
    }
    if (n instanceof Number number) {
      outcome.int32("n", number.intValue());
    }
    if (response.get("nModified") instanceof Number modified) {
      outcome.int32("nModified", modified.intValue());
    }
    if (response.get("cursor") instanceof Document cursor
        && cursor.get("firstBatch") instanceof List<?> batch) {
      outcome.int32("docs", batch.size());
    } else if (response.containsKey("value")) {
      outcome.int32("docs", response.get("value") == null ? 0 : 1);
    }
    if (response.get("writeErrors") instanceof List<?> errors) {
      outcome.int32("writeErrors", errors.size());
    }
    if (response.get("code") instanceof Number code) {
      outcome.int32("code", code.intValue());
    }
    return outcome.finish();
  }

  /** A command the store refused with an error. */
  static byte[] outcome(RuntimeException failure) {
    BsonBytes outcome = new BsonBytes().int32("ok", 0);
    if (failure instanceof MongoServerError error) {
      outcome.int32("code", error.getCode());
    }
    return outcome.finish();
  }
}
