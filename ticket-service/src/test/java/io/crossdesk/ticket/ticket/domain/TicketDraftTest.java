package io.crossdesk.ticket.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketDraftTest {

  @ParameterizedTest
  @ValueSource(strings = {"network", "N", "1NETWORK", "NET-WORK", "NETWORK FAULT"})
  void refuses_a_category_that_is_not_an_upper_case_word(String category) {
    assertThatThrownBy(
            () -> new TicketDraft("cust-1", Channel.SMS, category, Priority.LOW, "Title", null))
        .isInstanceOfSatisfying(
            InvalidTicketException.class, e -> assertThat(e.field()).isEqualTo("category"));
  }

  @Test
  void accepts_an_upper_case_category_with_underscores() {
    assertThat(new TicketDraft("c", Channel.SMS, "CHARGE_DISPUTE", null, "T", null).category())
        .isEqualTo("CHARGE_DISPUTE");
  }

  @Test
  void refuses_a_title_over_200_characters() {
    assertThatThrownBy(
            () -> new TicketDraft("c", Channel.SMS, "BILLING", null, "x".repeat(201), null))
        .isInstanceOfSatisfying(
            InvalidTicketException.class, e -> assertThat(e.field()).isEqualTo("title"));
  }

  @Test
  void refuses_a_description_over_5000_characters() {
    assertThatThrownBy(
            () -> new TicketDraft("c", Channel.SMS, "BILLING", null, "T", "x".repeat(5001)))
        .isInstanceOfSatisfying(
            InvalidTicketException.class, e -> assertThat(e.field()).isEqualTo("description"));
  }

  @Test
  void refuses_a_ticket_without_a_customer() {
    assertThatThrownBy(() -> new TicketDraft(" ", Channel.SMS, "BILLING", null, "T", null))
        .isInstanceOfSatisfying(
            InvalidTicketException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
  }

  @Test
  void an_unknown_channel_names_the_field_and_the_allowed_values() {
    assertThatThrownBy(() -> Enums.parse(Channel.class, "channel", "PIGEON"))
        .isInstanceOfSatisfying(
            InvalidTicketException.class,
            e -> {
              assertThat(e.field()).isEqualTo("channel");
              assertThat(e.reason()).startsWith("must be one of HOTLINE, SMS, WEB");
            });
  }

  @Test
  void an_unknown_priority_is_refused_and_a_missing_or_blank_one_is_normal() {
    assertThat(Priority.parseOrNormal(null)).isEqualTo(Priority.NORMAL);
    assertThat(Priority.parseOrNormal("")).isEqualTo(Priority.NORMAL);
    assertThat(Priority.parseOrNormal("  ")).isEqualTo(Priority.NORMAL);
    assertThat(Priority.parseOrNormal("HIGH")).isEqualTo(Priority.HIGH);
    assertThatThrownBy(() -> Priority.parseOrNormal("SOON"))
        .isInstanceOf(InvalidTicketException.class);
  }
}
