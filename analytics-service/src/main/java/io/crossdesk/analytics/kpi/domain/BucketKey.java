package io.crossdesk.analytics.kpi.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One bucket of one group: {@code D|2026-12-05|department|billing}. A contribution counts in the
 * hour and the day it happened in, under every dimension.
 */
public record BucketKey(Granularity granularity, String label, Dimension dimension, String group) {

  public static List<BucketKey> of(Contribution contribution, ZoneId zone) {
    List<BucketKey> keys = new ArrayList<>();
    for (Granularity granularity : Granularity.values()) {
      String label = granularity.label(contribution.at(), zone);
      for (Dimension dimension : Dimension.values()) {
        keys.add(new BucketKey(granularity, label, dimension, contribution.group(dimension)));
      }
    }
    return keys;
  }

  public static BucketKey parse(String text) {
    String[] parts = text.split("\\|", 4);
    return new BucketKey(
        parts[0].equals(Granularity.HOUR.code()) ? Granularity.HOUR : Granularity.DAY,
        parts[1],
        Dimension.fromId(parts[2]),
        parts[3]);
  }

  @Override
  public String toString() {
    return granularity.code() + "|" + label + "|" + dimension.id() + "|" + group;
  }
}
