package io.crossdesk.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter answers before any handler runs, so it writes its problem details itself, shaped like
 * those of ProblemDetailsAdvice. A problem never repeats the first request's body.
 */
final class IdempotencyProblems {

  static final String REUSED = "urn:crossdesk:problem:idempotency-key-reused";
  static final String IN_PROGRESS = "urn:crossdesk:problem:idempotency-key-in-progress";

  private final JsonMapper json;

  IdempotencyProblems(JsonMapper json) {
    this.json = json;
  }

  void invalid(HttpServletRequest request, HttpServletResponse response, String why)
      throws IOException {
    Map<String, Object> problem =
        problem(
            "about:blank",
            HttpStatus.BAD_REQUEST.getReasonPhrase(),
            HttpStatus.BAD_REQUEST,
            "The " + IdempotencyKey.HEADER + " header is invalid.",
            request);
    problem.put("errors", List.of(Map.of("field", IdempotencyKey.HEADER, "message", why)));
    write(response, HttpStatus.BAD_REQUEST, problem);
  }

  void reused(HttpServletRequest request, HttpServletResponse response, String key)
      throws IOException {
    write(
        response,
        HttpStatus.UNPROCESSABLE_CONTENT,
        problem(
            REUSED,
            IdempotencyKey.HEADER + " reused",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "The "
                + IdempotencyKey.HEADER
                + " '"
                + key
                + "' was used before for a different request to this resource; send a new key"
                + " with a new request.",
            request));
  }

  void inProgress(HttpServletRequest request, HttpServletResponse response, String key)
      throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, "1");
    write(
        response,
        HttpStatus.CONFLICT,
        problem(
            IN_PROGRESS,
            IdempotencyKey.HEADER + " in progress",
            HttpStatus.CONFLICT,
            "A request with this "
                + IdempotencyKey.HEADER
                + " ('"
                + key
                + "') is in progress; retry once it has been answered.",
            request));
  }

  private static Map<String, Object> problem(
      String type, String title, HttpStatus status, String detail, HttpServletRequest request) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type);
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    return problem;
  }

  private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> problem)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }
}
