package io.crossdesk.notification.template.domain;

/** An edit based on a version of a template that is no longer the stored one. */
public class StaleTemplateException extends RuntimeException {

  public StaleTemplateException(String id, long expected) {
    super(
        expected == 0
            ? "Template " + id + " exists already: send If-Match with its ETag to replace it."
            : "Template " + id + " is no longer at version " + expected + ": read it again.");
  }
}
