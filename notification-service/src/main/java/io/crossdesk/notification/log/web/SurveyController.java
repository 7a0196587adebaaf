package io.crossdesk.notification.log.web;

import io.crossdesk.notification.log.application.Surveys;
import io.crossdesk.notification.log.domain.InvalidSurveyAnswerException;
import io.crossdesk.notification.log.domain.Survey;
import io.crossdesk.notification.log.domain.SurveyAnsweredException;
import io.crossdesk.platform.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The satisfaction survey behind the link a customer was sent. No login: the signed, single-use
 * token in the path is the credential, and it opens this one survey only. Browsers get a small page
 * with a form; other clients JSON.
 */
@RestController
@RequestMapping("/api/surveys/{token}")
class SurveyController {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final Surveys surveys;

  SurveyController(Surveys surveys) {
    this.surveys = surveys;
  }

  /**
   * The survey: which ticket, until when, and whether it was answered, as JSON; a browser (one that
   * asks for HTML) gets the page with the form instead.
   */
  @GetMapping
  ResponseEntity<?> survey(
      @PathVariable String token,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    Survey survey = read(() -> surveys.survey(token));
    if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
      return ResponseEntity.ok().contentType(HTML).body(SurveyPages.form(survey));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(SurveyView.of(survey));
  }

  /** The answer, once: 200 with the answered survey; 409 when it was answered already. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  SurveyView answer(@PathVariable String token, @Valid @RequestBody AnswerRequest answer) {
    if (answer.score() == null) {
      throw InvalidRequestException.field("score", "must be between 1 and 5");
    }
    return SurveyView.of(read(() -> surveys.answer(token, answer.score(), answer.comment())));
  }

  /** The same from the page's form. */
  @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> answerForm(
      @PathVariable String token,
      @RequestParam(required = false) Integer score,
      @RequestParam(required = false) String comment) {
    if (score == null) {
      throw InvalidRequestException.field("score", "must be between 1 and 5");
    }
    return ResponseEntity.ok()
        .contentType(HTML)
        .body(SurveyPages.thanks(read(() -> surveys.answer(token, score, comment))));
  }

  private static Survey read(Supplier<Survey> action) {
    try {
      return action.get();
    } catch (InvalidSurveyAnswerException invalid) {
      throw InvalidRequestException.field(invalid.field(), invalid.getMessage());
    } catch (SurveyAnsweredException answered) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, answered.getMessage());
      problem.setTitle("Already answered");
      problem.setType(URI.create("about:blank"));
      throw new ErrorResponseException(HttpStatus.CONFLICT, problem, answered);
    }
  }

  /** An answer: a score from 1 to 5, and a comment if the customer wants to say more. */
  record AnswerRequest(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {}

  /** A survey as its link shows it. */
  record SurveyView(
      String ticketNumber, int round, Instant expiresAt, boolean answered, Integer score) {

    static SurveyView of(Survey survey) {
      return new SurveyView(
          survey.ticketNumber(),
          survey.round(),
          survey.expiresAt(),
          survey.isAnswered(),
          survey.score());
    }
  }
}
