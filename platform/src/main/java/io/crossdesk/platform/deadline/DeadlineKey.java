package io.crossdesk.platform.deadline;

import java.util.Optional;

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

  /** The key whose {@link #id} this is; empty when it is none. */
  public static Optional<DeadlineKey> fromId(String id) {
    int first = id.indexOf(SEPARATOR);
    int last = id.lastIndexOf(SEPARATOR);
    if (first <= 0 || last == first) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new DeadlineKey(
              id.substring(0, first), id.substring(first + 1, last), id.substring(last + 1)));
    } catch (IllegalArgumentException notAKey) {
      return Optional.empty();
    }
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a deadline key needs a " + field);
    }
  }
}
