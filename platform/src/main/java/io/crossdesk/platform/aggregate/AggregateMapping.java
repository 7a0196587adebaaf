package io.crossdesk.platform.aggregate;

import org.bson.Document;

/**
 * How one kind of aggregate is stored, written out field by field rather than found by reflection:
 * the mapping runs on every change, and a rename in the domain then changes no stored field unless
 * the mapping says so.
 *
 * <p>{@link #write} gives the aggregate's state without {@code _id}, {@code version} and {@code
 * outbox}, which {@link AggregateStore} writes itself. It leaves out fields that are null, so
 * sparse indexes see them as absent, and writes times as {@link java.util.Date} and numbers as the
 * type {@link #read} expects, so that a stored field compares equal to the same field written
 * again.
 */
public interface AggregateMapping<A> {

  String collection();

  String idOf(A aggregate);

  Document write(A aggregate);

  /** The aggregate from its stored document, {@code _id} and {@code version} included. */
  A read(Document stored);

  /** The aggregate as it is after the store raised its version; unchanged when it has none. */
  default A atVersion(A aggregate, long version) {
    return aggregate;
  }
}
