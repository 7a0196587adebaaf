package io.crossdesk.notification.tmf621.web;

import io.crossdesk.notification.webhook.domain.WebhookUrlRefusedException;
import io.crossdesk.platform.web.InvalidRequestException;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.platform.web.RequestJsonConverter.RefusedBodyException;
import io.crossdesk.platform.web.UnreadableBodies;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The hub's errors as TMF Error resources. The platform's problem-details advice answers every
 * other controller and has no order (the lowest precedence), so this one, ordered first and limited
 * to the hub, answers the hub's. 401 and 403 come from the security layer and stay problem details,
 * as on the rest of the TMF621 API.
 */
@RestControllerAdvice(assignableTypes = HubController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class HubErrors {

  private static final String INVALID = "Invalid request";
  private static final String UNREADABLE = "Unreadable body";
  private static final String EXPECTED =
      "the body is not a JSON EventSubscriptionInput {\"callback\": \"https://...\","
          + " \"query\": \"eventType=...\"}";

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<TmfError> invalid(MethodArgumentNotValidException exception) {
    String fields =
        exception.getBindingResult().getFieldErrors().stream()
            .map(error -> error.getField() + " " + error.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    return TmfError.answer(HttpStatus.BAD_REQUEST, INVALID, fields);
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<TmfError> refused(InvalidRequestException exception) {
    String fields =
        exception.errors().stream()
            .map(error -> error.field() + " " + error.message())
            .collect(Collectors.joining("; "));
    return TmfError.answer(HttpStatus.BAD_REQUEST, INVALID, fields);
  }

  @ExceptionHandler(WebhookUrlRefusedException.class)
  ResponseEntity<TmfError> refusedCallback(WebhookUrlRefusedException exception) {
    return TmfError.answer(HttpStatus.BAD_REQUEST, INVALID, "callback " + exception.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<TmfError> unreadable(HttpMessageNotReadableException exception) {
    String message =
        UnreadableBodies.fieldOf(exception)
            .map(field -> field.field() + ": " + field.message())
            .orElse(EXPECTED);
    return TmfError.answer(HttpStatus.BAD_REQUEST, UNREADABLE, message);
  }

  @ExceptionHandler(RefusedBodyException.class)
  ResponseEntity<TmfError> refusedBody(RefusedBodyException exception) {
    return TmfError.answer(
        HttpStatus.BAD_REQUEST, UNREADABLE, exception.pointer() + ": " + exception.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<TmfError> unsupported(HttpMediaTypeNotSupportedException exception) {
    return TmfError.answer(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "send application/json");
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<TmfError> notFound(NotFoundException exception) {
    return TmfError.answer(HttpStatus.NOT_FOUND, "Not found", exception.getMessage());
  }
}
