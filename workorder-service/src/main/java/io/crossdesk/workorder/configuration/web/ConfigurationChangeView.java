package io.crossdesk.workorder.configuration.web;

import io.crossdesk.workorder.configuration.persistence.ConfigurationChangeDocument;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One change as the audit trail shows it.
 *
 * @param version the flow template's version it made; 0 for departments and rules
 * @param content the item as saved; null for a deletion
 */
record ConfigurationChangeView(
    String id,
    String kind,
    String itemId,
    int version,
    String action,
    String changedBy,
    Instant changedAt,
    JsonNode content) {

  static ConfigurationChangeView of(ConfigurationChangeDocument change, JsonMapper json) {
    return new ConfigurationChangeView(
        change.id(),
        change.kind(),
        change.itemId(),
        change.version(),
        change.action(),
        change.changedBy(),
        change.changedAt(),
        change.content() == null ? null : json.readTree(change.content()));
  }
}
