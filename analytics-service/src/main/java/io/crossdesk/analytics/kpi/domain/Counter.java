package io.crossdesk.analytics.kpi.domain;

import java.util.Objects;

/** One counter: a dimension and a value of it, such as tickets of category NETWORK. */
public record Counter(Dimension dimension, String key) {

  public Counter {
    Objects.requireNonNull(dimension, "dimension");
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a " + dimension + " counter needs a key");
    }
  }

  /** Unique across dimensions, so that every counter is one document and one atomic update. */
  public String id() {
    return dimension.name() + ":" + key;
  }
}
