package io.crossdesk.notification.template.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored template: the checked content for its key, with the version an edit must name (each edit
 * adds one) and who set it when.
 */
public record MessageTemplate(
    TemplateKey key,
    TemplateContent content,
    long version,
    Origin origin,
    String updatedBy,
    Instant updatedAt) {

  public MessageTemplate {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(origin, "origin");
    if (content.kind() != key.kind() || content.channel() != key.channel()) {
      throw new IllegalArgumentException("content written for another kind or channel");
    }
  }

  public Rendered render(Map<String, String> values) {
    return content.render(values);
  }
}
