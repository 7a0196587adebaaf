package io.crossdesk.notification.tmf621.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * TMF's Error resource, which TMF clients expect from a TMF API instead of problem details; shaped
 * as ticket-service's facade answers it, since clients see one API.
 *
 * @param code the HTTP status, as text
 * @param reason what went wrong, for people
 * @param message the details: which field and why
 * @param status the HTTP status, as text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TmfError(
    String code, String reason, String message, String status, @JsonProperty("@type") String type) {

  static ResponseEntity<TmfError> answer(HttpStatus status, String reason, String message) {
    String code = String.valueOf(status.value());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new TmfError(code, reason, message, code, "Error"));
  }
}
