package io.crossdesk.localstack.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The local store's file: mongo-java-server's H2 layout (one MVStore, a map per collection, per
 * collection's metadata and per unique index), with documents and keys in BSON ({@link
 * StoreTypes}). A marker map says so. A file written before, by the server's own backend with Java
 * serialization, is converted once when opened: copied map by map into a new file, which then takes
 * its place; the old file stays beside it as {@code <name>.java-serialized} until deleted.
 */
public final class StoreFormat {

  static final String DOCUMENTS_PREFIX = "databases.";
  static final String META_PREFIX = "meta.";
  private static final String INDEX_INFIX = "._index_";
  private static final String MARKER_MAP = "crossdesk.format";
  private static final String MARKER_KEY = "documents";
  private static final String MARKER_VALUE = "bson";

  private StoreFormat() {}

  /** Opens the file (creating it, or converting one in the old format first). */
  public static MVStore open(Path file) {
    try {
      if (Files.exists(file) && !marked(file)) {
        convert(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot convert the store file " + file, e);
    }
    MVStore store =
        new MVStore.Builder()
            .fileName(file.toString())
            .backgroundExceptionHandler(StoreFormat::panicked)
            .open();
    mark(store);
    return store;
  }

  /**
   * A failure in the store's background writing leaves the file unusable for writes: every command
   * would hang behind it. The process says why and stops at once, so that the stack's status shows
   * the store down and the file keeps what was last written whole.
   */
  private static void panicked(Thread thread, Throwable failure) {
    String where = thread == null ? "" : " (" + thread.getName() + ")";
    System.err.println("The store's file cannot be written any more" + where + ":");
    failure.printStackTrace();
    System.err.flush();
    Runtime.getRuntime().halt(70);
  }

  /** A database of the server whose collections and indexes live in this format. */
  public static MongoDatabase database(String name, MVStore store, CursorRegistry cursors) {
    return BsonH2Database.open(name, store, cursors);
  }

  static String indexMap(String namespace, String indexName) {
    return namespace + INDEX_INFIX + indexName;
  }

  private static boolean marked(Path file) {
    MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      return store.hasMap(MARKER_MAP) || store.getMapNames().isEmpty();
    } finally {
      store.close();
    }
  }

  private static void mark(MVStore store) {
    MVMap<String, String> marker = store.openMap(MARKER_MAP);
    if (!MARKER_VALUE.equals(marker.get(MARKER_KEY))) {
      marker.put(MARKER_KEY, MARKER_VALUE);
      store.commit();
    }
  }

  private static void convert(Path file) throws IOException {
    Path converting = file.resolveSibling(file.getFileName() + ".converting");
    Path kept = file.resolveSibling(file.getFileName() + ".java-serialized");
    Files.deleteIfExists(converting);
    long documents = 0;
    MVStore old = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      MVStore converted = MVStore.open(converting.toString());
      try {
        for (String name : old.getMapNames()) {
          documents += copy(old, converted, name);
        }
        mark(converted);
        converted.commit();
      } finally {
        converted.close();
      }
    } finally {
      old.close();
    }
    Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
    Files.move(converting, file, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf(
        "Converted the store file %s to BSON documents (%,d documents); the old file is %s%n",
        file, documents, kept);
  }

  private static long copy(MVStore from, MVStore to, String name) {
    if (name.startsWith(DOCUMENTS_PREFIX)) {
      return copy(from.openMap(name), to.openMap(name, StoreTypes.documents()));
    }
    if (!name.startsWith(META_PREFIX) && name.contains(INDEX_INFIX)) {
      copy(from.openMap(name), to.openMap(name, StoreTypes.uniqueIndex()));
      return 0;
    }
    copy(from.openMap(name), to.openMap(name));
    return 0;
  }

  @SuppressWarnings("unchecked")
  private static <K, V> long copy(MVMap<Object, Object> from, MVMap<K, V> to) {
    long copied = 0;
    for (var entry : from.entrySet()) {
      to.put((K) entry.getKey(), (V) entry.getValue());
      copied++;
    }
    return copied;
  }
}
