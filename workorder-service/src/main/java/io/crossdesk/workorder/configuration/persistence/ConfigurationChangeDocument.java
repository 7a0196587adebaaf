package io.crossdesk.workorder.configuration.persistence;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One administrator's change, kept for the audit trail, with the event that announces it. */
@Document(ConfigurationChangeDocument.COLLECTION)
public record ConfigurationChangeDocument(
    @Id String id,
    String kind,
    String itemId,
    int version,
    String action,
    String changedBy,
    Instant changedAt,
    String content) {

  static final String COLLECTION = "configuration_changes";
}
