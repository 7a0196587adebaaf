package io.crossdesk.notification.log.web;

import io.crossdesk.notification.log.domain.Survey;
import org.springframework.web.util.HtmlUtils;

/** The survey's two small pages, for customers who open the link in a browser. */
final class SurveyPages {

  private SurveyPages() {}

  static String form(Survey survey) {
    String number = HtmlUtils.htmlEscape(survey.ticketNumber());
    if (survey.isAnswered()) {
      return page("Thank you", "<p>You rated ticket " + number + " already. Thank you.</p>");
    }
    StringBuilder choices = new StringBuilder();
    for (int score = 5; score >= 1; score--) {
      choices
          .append("<label><input type=\"radio\" name=\"score\" value=\"")
          .append(score)
          .append("\" required> ")
          .append(score)
          .append(score == 5 ? " (very satisfied)" : score == 1 ? " (very dissatisfied)" : "")
          .append("</label><br>");
    }
    return page(
        "How did we do?",
        "<p>How satisfied are you with how we resolved ticket "
            + number
            + "?</p><form method=\"post\">"
            + choices
            + "<p><label>Anything else you want to tell us?<br>"
            + "<textarea name=\"comment\" maxlength=\"2000\" rows=\"4\" cols=\"50\"></textarea>"
            + "</label></p><p><button type=\"submit\">Send</button></p></form>");
  }

  static String thanks(Survey survey) {
    return page(
        "Thank you",
        "<p>Thank you: your rating of ticket "
            + HtmlUtils.htmlEscape(survey.ticketNumber())
            + " is recorded.</p>");
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
        + title
        + "</title></head><body style=\"font-family:sans-serif;max-width:32em;margin:2em auto\">"
        + "<h1>"
        + title
        + "</h1>"
        + body
        + "</body></html>";
  }
}
