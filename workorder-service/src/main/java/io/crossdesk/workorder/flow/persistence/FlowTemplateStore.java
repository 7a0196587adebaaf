package io.crossdesk.workorder.flow.persistence;

import io.crossdesk.workorder.flow.domain.FlowTemplate;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Every version of every flow template. Small: it grows with administrators' edits only. */
@Component
public class FlowTemplateStore {

  private final MongoTemplate mongo;

  FlowTemplateStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public List<FlowTemplate> allVersions() {
    return mongo.findAll(FlowTemplateDocument.class).stream()
        .map(FlowTemplateDocument::template)
        .toList();
  }

  /**
   * Stores a new version.
   *
   * @return false when that version exists already (another administrator was quicker)
   */
  public boolean insert(FlowTemplate template, String changedBy, Instant at) {
    try {
      mongo.insert(
          new FlowTemplateDocument(
              FlowTemplateDocument.keyOf(template.id(), template.version()),
              template,
              changedBy,
              at));
      return true;
    } catch (DuplicateKeyException versionTaken) {
      return false;
    }
  }
}
