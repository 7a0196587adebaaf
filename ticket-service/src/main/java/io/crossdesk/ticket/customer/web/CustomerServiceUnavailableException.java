package io.crossdesk.ticket.customer.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** customer-service could not confirm a customer: answered as 503 problem details. */
public class CustomerServiceUnavailableException extends ErrorResponseException {

  private static final String RETRY_AFTER_SECONDS = "5";

  public CustomerServiceUnavailableException(String reason, Throwable cause) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The customer could not be confirmed because customer-service is unavailable ("
                + reason
                + "). Please try again shortly."),
        cause);
    getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
  }
}
