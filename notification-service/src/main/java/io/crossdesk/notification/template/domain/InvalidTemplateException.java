package io.crossdesk.notification.template.domain;

import java.util.List;

/** A template that may not be saved or rendered, with every field at fault. */
public class InvalidTemplateException extends RuntimeException {

  private final List<TemplateProblem> problems;

  public InvalidTemplateException(List<TemplateProblem> problems) {
    super("invalid template: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<TemplateProblem> problems() {
    return problems;
  }
}
