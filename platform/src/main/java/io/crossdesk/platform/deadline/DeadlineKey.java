package io.crossdesk.platform.deadline;

/**
 * Names one deadline: its kind (which handler fires it, for example {@code ticket.escalation}), the
 * aggregate it is about and its name within that aggregate (for example {@code resolution}). At
 * most one deadline per key is scheduled at a time; scheduling the key again moves it.
 */
public record DeadlineKey(String kind, String aggregateId, String name) {

  private static final String SEPARATOR = "|";

  public DeadlineKey {
    requireText(kind, "kind");
    requireText(aggregateId, "aggregateId");
    requireText(name, "name");
    // With no separator in kind and name, the id below is unique whatever the aggregate id holds.
    if (kind.contains(SEPARATOR) || name.contains(SEPARATOR)) {
      throw new IllegalArgumentException(
          "a deadline's kind and name must not contain '" + SEPARATOR + "': " + kind + ", " + name);
    }
  }

  /** The id of the deadline's document: {@code kind|aggregateId|name}. */
  public String id() {
    return kind + SEPARATOR + aggregateId + SEPARATOR + name;
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a deadline key needs a " + field);
    }
  }
}
