package io.crossdesk.notification.template.domain;

/** A template text that is not well-formed, with where (0-based) the fault starts. */
public class TemplateSyntaxException extends RuntimeException {

  private final int position;

  public TemplateSyntaxException(String message, int position) {
    super(message + " (at character " + (position + 1) + ")");
    this.position = position;
  }

  public int position() {
    return position;
  }
}
