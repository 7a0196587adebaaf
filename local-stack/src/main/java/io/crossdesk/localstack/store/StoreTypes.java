package io.crossdesk.localstack.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the store's maps keep their keys and values in the MVStore file: as BSON, the encoding the
 * server already speaks on the wire, and compared as MongoDB orders values.
 *
 * <p>H2's default type for objects it does not know writes them with Java serialization, and
 * compares two keys that are not {@link Comparable} (an index's {@link KeyValue}) by serializing
 * both: every step of every index look-up did that, and every page written did it for every
 * document on the page. Here a document is written as its BSON bytes, and keys are compared as
 * values, without encoding them.
 */
public final class StoreTypes {

  /** A document's {@code _id} (its position) and the other single values the maps hold. */
  static final BasicDataType<Object> VALUE = new ValueType();

  /** A unique index's key: the indexed values of one document, normalized. */
  static final BasicDataType<KeyValue> KEY = new KeyType();

  /** A stored document. */
  static final BasicDataType<Document> DOCUMENT = new DocumentType();

  private static final byte MISSING = 0;
  private static final byte BSON = 1;
  private static final Comparator<Object> ORDER = ValueComparator.ascWithoutListHandling();
  private static final ThreadLocal<ByteBuf> SCRATCH =
      ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

  private StoreTypes() {}

  /** A collection's documents by position. */
  static MVMap.Builder<Object, Document> documents() {
    return new MVMap.Builder<Object, Document>().keyType(VALUE).valueType(DOCUMENT);
  }

  /** A unique index: key to position. */
  static MVMap.Builder<KeyValue, Object> uniqueIndex() {
    return new MVMap.Builder<KeyValue, Object>().keyType(KEY).valueType(VALUE);
  }

  /**
   * The order of keys: MongoDB's order of values, and, for the rare values it finds equal that are
   * not (a long beyond a double's precision and a double, documents with the same fields in another
   * order), their BSON bytes, so that two keys are one key exactly when they are equal.
   */
  static int compare(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    boolean aMissing = a instanceof Missing;
    boolean bMissing = b instanceof Missing;
    if (aMissing || bMissing) {
      return Boolean.compare(bMissing, aMissing);
    }
    int order = ORDER.compare(a, b);
    if (order != 0 || Objects.equals(a, b)) {
      return order;
    }
    return Arrays.compare(encode(new Document("v", a)), encode(new Document("v", b)));
  }

  static byte[] encode(Document document) {
    ByteBuf buffer = SCRATCH.get().clear();
    BsonEncoder.encodeDocument(document, buffer);
    byte[] bytes = new byte[buffer.readableBytes()];
    buffer.readBytes(bytes);
    return bytes;
  }

  static void write(WriteBuffer target, Document document) {
    ByteBuf buffer = SCRATCH.get().clear();
    BsonEncoder.encodeDocument(document, buffer);
    target.put(buffer.array(), buffer.arrayOffset(), buffer.readableBytes());
  }

  /** Reads one BSON document at the buffer's position and moves past it. */
  static Document read(ByteBuffer source) {
    int start = source.position();
    int length =
        (source.get(start) & 0xff)
            | (source.get(start + 1) & 0xff) << 8
            | (source.get(start + 2) & 0xff) << 16
            | (source.get(start + 3) & 0xff) << 24;
    Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(source.slice(start, length)));
    source.position(start + length);
    return document;
  }

  /** A rough size in memory, for the store's page cache; encoding to measure would cost more. */
  private static int estimate(Object value) {
    if (value instanceof Document document) {
      int size = 64;
      for (Object field : document.values()) {
        size += 48 + estimate(field);
      }
      return size;
    }
    if (value instanceof List<?> list) {
      int size = 32;
      for (Object element : list) {
        size += 16 + estimate(element);
      }
      return size;
    }
    if (value instanceof String string) {
      return 40 + 2 * string.length();
    }
    return 24;
  }

  private static final class ValueType extends BasicDataType<Object> {

    @Override
    public int getMemory(Object value) {
      return estimate(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
      if (value instanceof Missing) {
        buffer.put(MISSING);
      } else {
        buffer.put(BSON);
        StoreTypes.write(buffer, new Document("v", value));
      }
    }

    @Override
    public Object read(ByteBuffer buffer) {
      if (buffer.get() == MISSING) {
        return Missing.getInstance();
      }
      return StoreTypes.read(buffer).get("v");
    }

    @Override
    public int compare(Object a, Object b) {
      return StoreTypes.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
      return new Object[size];
    }
  }

  private static final class KeyType extends BasicDataType<KeyValue> {

    @Override
    public int getMemory(KeyValue key) {
      int size = 48;
      for (Object value : key) {
        size += 16 + estimate(value);
      }
      return size;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
      Document values = new Document();
      int i = 0;
      for (Object value : key) {
        values.put(Integer.toString(i++), value);
      }
      StoreTypes.write(buffer, values);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
      return new KeyValue(new ArrayList<>(StoreTypes.read(buffer).values()));
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
      if (a == b) {
        return 0;
      }
      int shared = Math.min(a.size(), b.size());
      for (int i = 0; i < shared; i++) {
        int order = StoreTypes.compare(a.get(i), b.get(i));
        if (order != 0) {
          return order;
        }
      }
      return Integer.compare(a.size(), b.size());
    }

    @Override
    public KeyValue[] createStorage(int size) {
      return new KeyValue[size];
    }
  }

  private static final class DocumentType extends BasicDataType<Document> {

    @Override
    public int getMemory(Document document) {
      return estimate(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
      StoreTypes.write(buffer, document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
      return StoreTypes.read(buffer);
    }

    @Override
    public Document[] createStorage(int size) {
      return new Document[size];
    }
  }
}
