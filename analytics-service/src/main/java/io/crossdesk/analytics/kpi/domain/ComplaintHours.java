package io.crossdesk.analytics.kpi.domain;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the spike detection remembers of one category and region: complaints per hour (by hours
 * since the epoch) over the baseline, and the last hour a spike was seen in.
 */
public record ComplaintHours(SortedMap<Long, Long> perHour, Long spikeHour) {

  public ComplaintHours {
    perHour = new TreeMap<>(perHour);
  }

  public static ComplaintHours none() {
    return new ComplaintHours(new TreeMap<>(), null);
  }
}
