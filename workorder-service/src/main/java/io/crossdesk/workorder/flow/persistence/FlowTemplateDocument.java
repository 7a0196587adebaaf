package io.crossdesk.workorder.flow.persistence;

import io.crossdesk.workorder.flow.domain.FlowTemplate;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a flow template, never changed once written. The id {@code <template>@<version>}
 * makes two administrators saving a new version at once collide instead of both winning.
 */
@Document(FlowTemplateDocument.COLLECTION)
record FlowTemplateDocument(
    @Id String key, FlowTemplate template, String changedBy, Instant changedAt) {

  static final String COLLECTION = "flow_templates";

  static String keyOf(String templateId, int version) {
    return templateId + "@" + version;
  }
}
