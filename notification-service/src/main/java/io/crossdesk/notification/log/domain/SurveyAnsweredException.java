package io.crossdesk.notification.log.domain;

/** A survey is answered once: its link does not take a second answer. */
public class SurveyAnsweredException extends RuntimeException {

  public SurveyAnsweredException(String surveyId) {
    super("The survey " + surveyId + " was answered already.");
  }
}
