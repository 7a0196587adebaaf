package io.crossdesk.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A BSON document written field by field, little-endian as BSON is: the envelope of a recording's
 * entries, into which the command, already encoded, goes as it is.
 */
final class BsonBytes {

  private static final byte DOCUMENT = 0x03;
  private static final byte ARRAY = 0x04;

  private byte[] bytes;
  private int size = 4;

  BsonBytes() {
    this(128);
  }

  /** {@code capacity}: the bytes expected, so that the document is built without copying. */
  BsonBytes(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** The server's own encoding of a document it decoded: every BSON type it knows, as it was. */
  static byte[] encode(Document document) {
    ByteBuf buffer = Unpooled.buffer(1024);
    try {
      BsonEncoder.encodeDocument(document, buffer);
      byte[] encoded = new byte[buffer.readableBytes()];
      buffer.readBytes(encoded);
      return encoded;
    } finally {
      buffer.release();
    }
  }

  BsonBytes string(String name, String value) {
    header((byte) 0x02, name);
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    int32(utf8.length + 1);
    put(utf8);
    put((byte) 0);
    return this;
  }

  BsonBytes int32(String name, int value) {
    header((byte) 0x10, name);
    int32(value);
    return this;
  }

  BsonBytes int64(String name, long value) {
    header((byte) 0x12, name);
    for (int i = 0; i < 8; i++) {
      put((byte) (value >>> (8 * i)));
    }
    return this;
  }

  BsonBytes bool(String name, boolean value) {
    header((byte) 0x08, name);
    put((byte) (value ? 1 : 0));
    return this;
  }

  /** {@code document}: a complete BSON document, length prefix and terminator included. */
  BsonBytes document(String name, byte[] document) {
    header(DOCUMENT, name);
    put(document);
    return this;
  }

  /** An array of documents, each complete. */
  BsonBytes array(String name, List<byte[]> documents) {
    BsonBytes array = new BsonBytes();
    for (int i = 0; i < documents.size(); i++) {
      array.document(Integer.toString(i), documents.get(i));
    }
    header(ARRAY, name);
    put(array.finish());
    return this;
  }

  byte[] finish() {
    put((byte) 0);
    int length = size;
    size = 0;
    int32(length);
    size = length;
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }

  private void header(byte type, String name) {
    put(type);
    put(name.getBytes(StandardCharsets.UTF_8));
    put((byte) 0);
  }

  private void int32(int value) {
    for (int i = 0; i < 4; i++) {
      put((byte) (value >>> (8 * i)));
    }
  }

  private void put(byte value) {
    ensure(1);
    bytes[size++] = value;
  }

  private void put(byte[] values) {
    ensure(values.length);
    System.arraycopy(values, 0, bytes, size, values.length);
    size += values.length;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
