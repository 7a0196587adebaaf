package io.crossdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The oracle itself: it passes what the document allows and fails what it does not. */
class Tmf621ContractTest {

  private static String statusChange(String troubleTicket) {
    return """
        {"eventId":"E-1","eventTime":"2026-12-01T08:00:00Z",
         "eventType":"TroubleTicketStatusChangeEvent",
         "event":{"troubleTicket":%s}}"""
        .formatted(troubleTicket);
  }

  @Test
  void a_notification_as_the_document_describes_it_passes() {
    assertThat(
            Tmf621Contract.eventProblems(
                "TroubleTicketStatusChangeEvent",
                statusChange(
                    "{\"id\":\"T-1\",\"status\":\"resolved\",\"@type\":\"TroubleTicket\"}")))
        .isEmpty();
  }

  @Test
  void a_status_outside_the_documents_list_or_an_attribute_it_does_not_know_fails() {
    assertThat(
            Tmf621Contract.eventProblems(
                "TroubleTicketStatusChangeEvent",
                statusChange("{\"id\":\"T-1\",\"status\":\"RESOLVED\"}")))
        .isNotEmpty();
    assertThat(
            Tmf621Contract.eventProblems(
                "TroubleTicketStatusChangeEvent",
                statusChange("{\"id\":\"T-1\",\"colour\":\"blue\"}")))
        .isNotEmpty();
    assertThat(
            Tmf621Contract.eventProblems(
                "TroubleTicketStatusChangeEvent",
                statusChange("{\"id\":\"T-1\",\"relatedParty\":[{\"role\":\"customer\"}]}")))
        .as("a RelatedParty without its mandatory id and @referredType")
        .isNotEmpty();
  }
}
