package io.crossdesk.benchmark.baseline;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * A recording of the commands the local stack's store received (written by local-stack's {@code
 * RecordingBackend}): concatenated BSON documents, as {@code bsondump} reads them. A header ({@code
 * kind: "header"}), the setup ({@code kind: "setup"}: each collection, its indexes and, with a
 * snapshot, the documents the store held when the recording started), one entry per command in the
 * order the commands finished ({@code kind: "command"}, with {@code db}, the whole {@code command}
 * document as the store received it, its {@code outcome}, {@code t} and {@code took} in
 * nanoseconds), and a trailer ({@code kind: "end"}, with the commands not recorded by name).
 */
public final class Recording {

  /** The collection whose inserted documents are the tickets of a recording. */
  public static final String TICKETS = "tickets";

  private static final int MAX_ENTRY_BYTES = 64 << 20;

  /** A command and where it ran. */
  public record Entry(String database, RawBsonDocument command, BsonDocument outcome) {

    public String name() {
      return command.getFirstKey();
    }
  }

  private final Path file;
  private final List<Entry> setup;
  private final List<Entry> commands;
  private final Map<String, Long> skipped;
  private final double seconds;
  private final boolean complete;

  private Recording(
      Path file,
      List<Entry> setup,
      List<Entry> commands,
      Map<String, Long> skipped,
      double seconds,
      boolean complete) {
    this.file = file;
    this.setup = List.copyOf(setup);
    this.commands = List.copyOf(commands);
    this.skipped = Map.copyOf(skipped);
    this.seconds = seconds;
    this.complete = complete;
  }

  public static Recording read(Path file) {
    List<Entry> setup = new ArrayList<>();
    List<Entry> commands = new ArrayList<>();
    Map<String, Long> skipped = new TreeMap<>();
    long lastNanos = 0;
    Long endNanos = null;
    boolean header = false;
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      RawBsonDocument entry;
      while ((entry = next(in)) != null) {
        String kind = entry.getString("kind").getValue();
        switch (kind) {
          case "header" -> header = true;
          case "setup" -> setup.add(entry(entry, new BsonDocument()));
          case "command" -> {
            commands.add(entry(entry, entry.getDocument("outcome")));
            lastNanos = entry.getInt64("t").getValue() + entry.getInt64("took").getValue();
          }
          case "end" -> {
            endNanos = entry.getInt64("nanos").getValue();
            entry
                .getDocument("skipped")
                .forEach((command, count) -> skipped.put(command, count.asNumber().longValue()));
          }
          default -> throw new IllegalArgumentException("unknown entry kind " + kind);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recording " + file, e);
    }
    if (!header) {
      throw new IllegalArgumentException(file + " is not a recording of the store's commands");
    }
    double seconds = (endNanos != null ? endNanos : lastNanos) / 1e9;
    return new Recording(file, setup, commands, skipped, seconds, endNanos != null);
  }

  public Path file() {
    return file;
  }

  /** Commands to run before the measured replay, in order. */
  public List<Entry> setup() {
    return setup;
  }

  /** The recorded commands, in the order they finished. */
  public List<Entry> commands() {
    return commands;
  }

  /** Commands the store received and did not record, by name. */
  public Map<String, Long> skipped() {
    return skipped;
  }

  /** How long the recording ran. */
  public double seconds() {
    return seconds;
  }

  /** False when the file has no trailer: the store stopped before the recording did. */
  public boolean complete() {
    return complete;
  }

  /** Documents inserted into a {@code tickets} collection, as the store answered the inserts. */
  public long tickets() {
    long tickets = 0;
    for (Entry entry : commands) {
      if (entry.name().equals("insert")
          && entry.command().get("insert").isString()
          && entry.command().getString("insert").getValue().equals(TICKETS)) {
        tickets += inserted(entry);
      }
    }
    return tickets;
  }

  /** Documents the setup inserts. */
  public long setupDocuments() {
    long documents = 0;
    for (Entry entry : setup) {
      if (entry.name().equals("insert")) {
        documents += entry.command().getArray("documents").size();
      }
    }
    return documents;
  }

  /** The recorded commands by name. */
  public Map<String, Long> commandCounts() {
    Map<String, Long> counts = new TreeMap<>();
    commands.forEach(entry -> counts.merge(entry.name(), 1L, Long::sum));
    return counts;
  }

  private static long inserted(Entry entry) {
    BsonValue n = entry.outcome().get("n");
    if (n != null && n.isNumber()) {
      return n.asNumber().longValue();
    }
    BsonValue documents = entry.command().get("documents");
    return documents != null && documents.isArray() ? documents.asArray().size() : 0;
  }

  private static Entry entry(RawBsonDocument entry, BsonDocument outcome) {
    BsonDocument command = entry.getDocument("command");
    return new Entry(
        entry.getString("db").getValue(),
        command instanceof RawBsonDocument raw
            ? raw
            : new RawBsonDocument(command, new BsonDocumentCodec()),
        outcome);
  }

  private static RawBsonDocument next(DataInputStream in) throws IOException {
    byte[] length = new byte[4];
    try {
      in.readFully(length);
    } catch (EOFException end) {
      return null;
    }
    int size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (size < 5 || size > MAX_ENTRY_BYTES) {
      throw new IOException("not a BSON document of " + size + " bytes");
    }
    byte[] bytes = new byte[size];
    System.arraycopy(length, 0, bytes, 0, 4);
    try {
      in.readFully(bytes, 4, size - 4);
    } catch (EOFException truncated) {
      // The store stopped while writing: the entries before are whole.
      return null;
    }
    return new RawBsonDocument(bytes);
  }
}
