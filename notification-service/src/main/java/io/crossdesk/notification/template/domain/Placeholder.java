package io.crossdesk.notification.template.domain;

/** A value a kind of message offers its templates, with a sample the preview renders. */
public record Placeholder(String name, String description, String sample) {

  static Placeholder of(String name, String description, String sample) {
    return new Placeholder(name, description, sample);
  }
}
