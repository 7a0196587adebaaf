package io.crossdesk.analytics.kpi.messaging;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.platform.events.CloudEventsBinding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warnings the engine raises, as CloudEvents in binary mode on {@code crossdesk.analytics}.
 * Each one's id derives from what it is about, so the same warning has the same id wherever and
 * however often it is computed (a rebuild computes it again).
 */
final class WarningEvents {

  static final String SOURCE = "/crossdesk/analytics-service";

  private WarningEvents() {}

  static Record<String, String> of(
      JsonMapper json, String key, java.lang.Record data, String identity, Instant at) {
    String type = EventCatalogue.of(data.getClass()).type();
    RecordHeaders headers = new RecordHeaders();
    put(headers, CloudEventsBinding.SPEC_VERSION, "1.0");
    put(
        headers,
        CloudEventsBinding.ID,
        UUID.nameUUIDFromBytes((type + "|" + identity).getBytes(StandardCharsets.UTF_8))
            .toString());
    put(headers, CloudEventsBinding.SOURCE, SOURCE);
    put(headers, CloudEventsBinding.TYPE, type);
    put(headers, CloudEventsBinding.SUBJECT, key);
    put(headers, CloudEventsBinding.TIME, at.toString());
    put(headers, CloudEventsBinding.CONTENT_TYPE, "application/json");
    return new Record<>(key, json.writeValueAsString(data), at.toEpochMilli(), headers);
  }

  private static void put(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
