package io.crossdesk.analytics.kpi.messaging;

import io.crossdesk.analytics.kpi.domain.KpiTotals;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import tools.jackson.databind.json.JsonMapper;

/** How the engine's state stores hold their values: JSON, mapped explicitly. */
final class StoredJson {

  /** The stored form of {@link KpiTotals}. */
  record Totals(SortedMap<String, Long> counts, SortedMap<String, SortedMap<Integer, Long>> bins) {}

  private StoredJson() {}

  /** A record, as Jackson writes it. */
  static <T> Serde<T> of(JsonMapper json, Class<T> type) {
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : json.writeValueAsBytes(value),
        (topic, bytes) -> bytes == null ? null : json.readValue(bytes, type));
  }

  static Serde<KpiTotals> totals(JsonMapper json) {
    return Serdes.serdeFrom(
        (topic, totals) ->
            totals == null
                ? null
                : json.writeValueAsBytes(new Totals(totals.counts(), totals.bins())),
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          Totals stored = json.readValue(bytes, Totals.class);
          SortedMap<String, SortedMap<Integer, Long>> bins = new TreeMap<>();
          if (stored.bins() != null) {
            stored
                .bins()
                .forEach((metric, histogram) -> bins.put(metric, new TreeMap<>(histogram)));
          }
          return new KpiTotals(
              stored.counts() == null ? new TreeMap<>() : new TreeMap<>(stored.counts()), bins);
        });
  }
}
