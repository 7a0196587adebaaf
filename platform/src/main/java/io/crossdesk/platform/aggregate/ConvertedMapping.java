package io.crossdesk.platform.aggregate;

import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * An {@link AggregateMapping} through a stored-document record that Spring Data's converter maps:
 * for aggregates written too rarely for reflection to matter. The record holds the state only; the
 * aggregate store writes {@code version} and {@code outbox}.
 *
 * @param <A> the aggregate
 * @param <D> the record it is stored as
 */
public final class ConvertedMapping<A, D> implements AggregateMapping<A> {

  private final MongoConverter converter;
  private final String collection;
  private final Class<D> documentType;
  private final Function<A, D> asRecord;
  private final Function<A, String> id;
  private final DocumentReader<D, A> fromRecord;

  /** The aggregate from its document record and the version it is stored at. */
  @FunctionalInterface
  public interface DocumentReader<D, A> {
    A read(D document, long version);
  }

  public ConvertedMapping(
      MongoConverter converter,
      String collection,
      Class<D> documentType,
      Function<A, String> id,
      Function<A, D> asRecord,
      DocumentReader<D, A> fromRecord) {
    this.converter = converter;
    this.collection = collection;
    this.documentType = documentType;
    this.id = id;
    this.asRecord = asRecord;
    this.fromRecord = fromRecord;
  }

  @Override
  public String collection() {
    return collection;
  }

  @Override
  public String idOf(A aggregate) {
    return id.apply(aggregate);
  }

  @Override
  public Document write(A aggregate) {
    Document document = new Document();
    converter.write(asRecord.apply(aggregate), document);
    document.remove("_id");
    document.remove("_class");
    return document;
  }

  @Override
  public A read(Document stored) {
    Object version = stored.get(AggregateStore.VERSION);
    return fromRecord.read(
        converter.read(documentType, stored), version == null ? 0 : ((Number) version).longValue());
  }
}
