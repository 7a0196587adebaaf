package io.crossdesk.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The official TMF621 Trouble Ticket v4 API document (TM Forum's, kept in the contracts module as
 * published) as a test oracle: every request a test sends to the facade, every answer it gets and
 * every event a listener receives is checked against it.
 *
 * <p>Two rules of the document are relaxed. PATCH bodies may be sent as {@code
 * application/merge-patch+json}, the JSON merge patch the TMF630 guidelines name, although the v4
 * document lists {@code application/json;charset=utf-8} alone. And a list may be filtered on the
 * resource's attributes ({@code status=inProgress}), as TMF630 describes for every list, although
 * the document declares only {@code fields}, {@code offset} and {@code limit}.
 */
public final class Tmf621Contract {

  public static final String DOCUMENT = "/tmf621/TMF621-TroubleTicket-v4.0.0.swagger.json";

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(read())
          .withLevelResolver(
              LevelResolver.create()
                  .withLevel(
                      "validation.request.contentType.notAllowed", ValidationReport.Level.IGNORE)
                  .withLevel(
                      "validation.request.parameter.query.unexpected",
                      ValidationReport.Level.IGNORE)
                  .build())
          .build();

  private Tmf621Contract() {}

  /** The problems of a request and its answer, as the document's messages; empty when none. */
  public static List<String> problems(
      String method,
      URI uri,
      String requestContentType,
      String requestBody,
      HttpResponse<String> response) {
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getPath());
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] nameValue = pair.split("=", 2);
        request.withQueryParam(
            decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
      }
    }
    if (requestBody != null) {
      request.withBody(requestBody).withContentType(requestContentType);
    }
    request.withHeader("Authorization", "Bearer token");
    SimpleResponse.Builder answer = new SimpleResponse.Builder(response.statusCode());
    for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
      answer.withHeader(header.getKey(), header.getValue());
    }
    if (!response.body().isEmpty()) {
      answer.withBody(response.body());
    }
    return messages(VALIDATOR.validate(request.build(), answer.build()));
  }

  /**
   * The problems of an answer alone, for requests a test sends wrong on purpose: the answer must
   * still be what the document says (TMF's Error with the right status).
   */
  public static List<String> responseProblems(
      String method, URI uri, HttpResponse<String> response) {
    SimpleResponse.Builder answer = new SimpleResponse.Builder(response.statusCode());
    for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
      answer.withHeader(header.getKey(), header.getValue());
    }
    if (!response.body().isEmpty()) {
      answer.withBody(response.body());
    }
    return messages(
        VALIDATOR.validateResponse(uri.getPath(), Request.Method.valueOf(method), answer.build()));
  }

  /** The problems of a notification a listener received, validated as the request of its path. */
  public static List<String> eventProblems(String eventType, String body) {
    String listener =
        "/tmf-api/troubleTicket/v4/listener/"
            + Character.toLowerCase(eventType.charAt(0))
            + eventType.substring(1);
    SimpleRequest request =
        new SimpleRequest.Builder(Request.Method.POST, listener)
            .withBody(body)
            .withContentType("application/json;charset=utf-8")
            .build();
    return messages(VALIDATOR.validateRequest(request));
  }

  private static List<String> messages(ValidationReport report) {
    return report.getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .map(message -> message.getKey() + ": " + message.getMessage())
        .toList();
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static String read() {
    try (InputStream document = Tmf621Contract.class.getResourceAsStream(DOCUMENT)) {
      if (document == null) {
        throw new IllegalStateException(DOCUMENT + " is not on the classpath (contracts module)");
      }
      return new String(document.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
