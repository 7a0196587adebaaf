package io.crossdesk.analytics.kpi.domain;

import java.util.Locale;

/** What KPIs are grouped by; {@link #ALL} is the one group of everything. */
public enum Dimension {
  ALL,
  DEPARTMENT,
  CHANNEL,
  TYPE,
  CATEGORY,
  REGION,
  TIER;

  /** The group a contribution without a value for this dimension counts under. */
  public static final String UNKNOWN = "unknown";

  /** The name in the API and in stored keys: {@code department}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Dimension fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
