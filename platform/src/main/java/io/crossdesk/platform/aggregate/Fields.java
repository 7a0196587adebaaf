package io.crossdesk.platform.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;

/**
 * Small pieces for hand-written {@link AggregateMapping}s: a document that leaves out null fields,
 * and readers that take numbers as whichever integer type the server returns.
 */
public final class Fields {

  private Fields() {}

  /** A document for writing: null values, and empty optional lists, are left out. */
  public static final class Writer {

    private final Document document = new Document();

    public Writer put(String field, Object value) {
      if (value != null) {
        document.append(field, value);
      }
      return this;
    }

    public Writer put(String field, Instant value) {
      return put(field, value == null ? null : (Object) Date.from(value));
    }

    public Writer put(String field, Enum<?> value) {
      return put(field, value == null ? null : (Object) value.name());
    }

    public Writer put(String field, Document value) {
      return put(field, (Object) value);
    }

    public <T> Writer put(String field, List<T> values, Function<T, Object> each) {
      if (values != null) {
        List<Object> written = new ArrayList<>(values.size());
        values.forEach(value -> written.add(each.apply(value)));
        document.append(field, written);
      }
      return this;
    }

    public Document document() {
      return document;
    }
  }

  public static Writer writer() {
    return new Writer();
  }

  public static Instant instant(Document document, String field) {
    Date date = document.getDate(field);
    return date == null ? null : date.toInstant();
  }

  public static <E extends Enum<E>> E enumOf(Class<E> type, Document document, String field) {
    String name = document.getString(field);
    return name == null ? null : Enum.valueOf(type, name);
  }

  public static int intOf(Document document, String field) {
    Object value = document.get(field);
    return value == null ? 0 : ((Number) value).intValue();
  }

  public static long longOf(Document document, String field) {
    Object value = document.get(field);
    return value == null ? 0 : ((Number) value).longValue();
  }

  public static boolean bool(Document document, String field) {
    return Boolean.TRUE.equals(document.getBoolean(field));
  }

  public static Document nested(Document document, String field) {
    return document.get(field, Document.class);
  }

  public static <T> List<T> list(Document document, String field, Function<Document, T> each) {
    List<Document> stored = document.getList(field, Document.class);
    if (stored == null) {
      return List.of();
    }
    List<T> read = new ArrayList<>(stored.size());
    stored.forEach(entry -> read.add(each.apply(entry)));
    return read;
  }
}
