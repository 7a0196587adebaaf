package io.crossdesk.platform.aggregate;

/**
 * A change was asked of an aggregate that is not stored (or not yet: its opening may be on its
 * way).
 */
public class AggregateNotFoundException extends RuntimeException {

  private final String collection;
  private final String id;

  public AggregateNotFoundException(String collection, String id) {
    super("no " + collection + " document " + id);
    this.collection = collection;
    this.id = id;
  }

  public String collection() {
    return collection;
  }

  public String id() {
    return id;
  }
}
