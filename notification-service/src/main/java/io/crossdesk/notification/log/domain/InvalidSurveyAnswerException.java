package io.crossdesk.notification.log.domain;

/** An answer or a survey link that cannot be taken, with the field at fault. */
public class InvalidSurveyAnswerException extends RuntimeException {

  private final String field;

  public InvalidSurveyAnswerException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
