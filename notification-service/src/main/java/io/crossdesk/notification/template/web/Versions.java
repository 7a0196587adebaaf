package io.crossdesk.notification.template.web;

import io.crossdesk.notification.template.domain.StaleTemplateException;
import io.crossdesk.notification.template.domain.TemplateKey;

/** Reads the version an If-Match header names: the ETag {@code "<version>"} the caller read. */
final class Versions {

  private Versions() {}

  /**
   * @throws StaleTemplateException when it names no version (it cannot match)
   */
  static long fromIfMatch(String ifMatch, TemplateKey key) {
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      long version = Long.parseLong(tag);
      if (version < 1) {
        throw new StaleTemplateException(key.id(), version);
      }
      return version;
    } catch (NumberFormatException e) {
      throw new StaleTemplateException(key.id(), -1);
    }
  }

  /** Replacing a template without If-Match: it could overwrite an edit the caller never saw. */
  static class PreconditionRequiredException extends RuntimeException {
    PreconditionRequiredException() {
      super("Send If-Match with the ETag of the template as you read it.");
    }
  }
}
