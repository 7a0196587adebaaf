package io.crossdesk.ticket.tmf621.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crossdesk.platform.web.InvalidRequestException;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.platform.web.RequestJsonConverter.RefusedBodyException;
import io.crossdesk.platform.web.UnreadableBodies;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Capability;
import io.crossdesk.ticket.lifecycle.domain.InvalidTicketException;
import io.crossdesk.ticket.lifecycle.domain.TicketConflictException;
import io.crossdesk.ticket.tmf621.application.TmfException;
import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The TMF621 API answers its errors as TMF's Error resource rather than problem+json: {@code code}
 * (the HTTP status), {@code reason}, {@code message} and {@code status}. It comes before the
 * platform's advice, and only for the TMF controller.
 */
@RestControllerAdvice(assignableTypes = TroubleTicketController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TmfErrorAdvice {

  /** TMF's Error resource. */
  record TmfError(
      String code,
      String reason,
      String message,
      String status,
      @JsonProperty("@type") String type) {}

  @ExceptionHandler(TmfException.class)
  ResponseEntity<TmfError> refused(TmfException refused) {
    return error(refused.status(), refused.reason(), refused.getMessage());
  }

  @ExceptionHandler(InvalidTicketException.class)
  ResponseEntity<TmfError> invalid(InvalidTicketException invalid) {
    String field = invalid.field().equals("category") ? "ticketType" : invalid.field();
    return error(HttpStatus.BAD_REQUEST, "Invalid " + field, field + " " + invalid.reason());
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<TmfError> invalid(InvalidRequestException invalid) {
    String message =
        invalid.errors().stream()
            .map(error -> tmfField(error.field()) + " " + error.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse(invalid.getMessage());
    return error(HttpStatus.BAD_REQUEST, "Invalid request", message);
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, RefusedBodyException.class})
  ResponseEntity<TmfError> unreadable(Exception unreadable) {
    String message =
        unreadable instanceof RefusedBodyException refused
            ? refused.pointer() + ": " + refused.getMessage()
            : UnreadableBodies.fieldOf((HttpMessageNotReadableException) unreadable)
                .map(field -> field.field() + ": " + field.message())
                .orElse("the body is not a JSON document");
    return error(HttpStatus.BAD_REQUEST, "Unreadable body", message);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<TmfError> notFound(NotFoundException notFound) {
    return error(HttpStatus.NOT_FOUND, "Not found", notFound.getMessage());
  }

  @ExceptionHandler(TicketConflictException.class)
  ResponseEntity<TmfError> conflict(TicketConflictException conflict) {
    return error(HttpStatus.CONFLICT, "Not possible in the ticket's status", conflict.getMessage());
  }

  /** A caller without the API's capability is told what it takes; others, what they may not do. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<TmfError> denied(AccessDeniedException denied, Principal principal) {
    boolean useApi =
        principal instanceof JwtAuthenticationToken token
            && Caller.of(token.getToken()).can(Capability.USE_TMF621);
    return error(
        HttpStatus.FORBIDDEN,
        "Not allowed",
        useApi ? denied.getMessage() : "the TMF621 API takes a SYSTEM token with the tmf621 scope");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<TmfError> mediaType(HttpMediaTypeNotSupportedException unsupported) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported media type",
        "send application/json (PATCH: application/merge-patch+json or application/json)");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<TmfError> method(HttpRequestMethodNotSupportedException unsupported) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", unsupported.getMessage());
  }

  @ExceptionHandler(ErrorResponseException.class)
  ResponseEntity<TmfError> other(ErrorResponseException failed) {
    return error(failed.getStatusCode(), "Not available", failed.getBody().getDetail());
  }

  private static String tmfField(String field) {
    return field.equals("customerId") ? "relatedParty.id" : field;
  }

  private static ResponseEntity<TmfError> error(
      HttpStatusCode status, String reason, String message) {
    String code = String.valueOf(status.value());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new TmfError(code, reason, message, code, "Error"));
  }
}
