package io.crossdesk.ticket.lifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import io.crossdesk.ticket.lifecycle.domain.InvalidTicketException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class InvalidTicketAdviceTest {

  @Test
  void a_field_the_domain_refuses_is_an_invalid_request_field_like_bean_validation_reports() {
    ProblemDetail problem =
        new InvalidTicketAdvice()
            .invalid(new InvalidTicketException("category", "must be an upper-case word"));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties())
        .containsEntry("errors", List.of(new FieldError("category", "must be an upper-case word")));
  }
}
