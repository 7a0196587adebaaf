package io.crossdesk.analytics.kpi.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One bucket of one group: {@code D|2026-12-05|department|billing}. A contribution counts in the
 * hour and the day it happened in, under every dimension.
 */
public record BucketKey(Granularity granularity, String label, Dimension dimension, String group) {

  public static List<BucketKey> of(Contribution contribution, ZoneId zone) {
    return of(contribution, zone, Set.of(Granularity.HOUR, Granularity.DAY));
  }

  /** The buckets of the given granularities a contribution counts in. */
  public static List<BucketKey> of(
      Contribution contribution, ZoneId zone, Set<Granularity> granularities) {
    List<BucketKey> keys = new ArrayList<>();
    for (Granularity granularity : granularities) {
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
        Granularity.fromCode(parts[0]), parts[1], Dimension.fromId(parts[2]), parts[3]);
  }

  @Override
  public String toString() {
    return granularity.code() + "|" + label + "|" + dimension.id() + "|" + group;
  }
}
