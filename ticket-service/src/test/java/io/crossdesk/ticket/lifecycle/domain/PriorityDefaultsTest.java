package io.crossdesk.ticket.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import org.junit.jupiter.api.Test;

class PriorityDefaultsTest {

  private final CategoryCatalogue catalogue = new CategoryCatalogue(CategoryCatalogue.seed());

  @Test
  void a_fault_from_tier_a_or_a_key_account_is_one_step_more_urgent() {
    Category network = catalogue.require("NETWORK");

    assertThat(PriorityDefaults.of(network, TicketType.FAULT, CustomerTier.A, false))
        .isEqualTo(Priority.URGENT);
    assertThat(PriorityDefaults.of(network, TicketType.FAULT, CustomerTier.C, true))
        .isEqualTo(Priority.URGENT);
    assertThat(PriorityDefaults.of(network, TicketType.FAULT, CustomerTier.C, false))
        .isEqualTo(Priority.HIGH);
    assertThat(
            PriorityDefaults.of(
                catalogue.require("TARIFF"), TicketType.SUGGESTION, CustomerTier.C, false))
        .isEqualTo(Priority.LOW);
  }

  @Test
  void an_unknown_category_names_the_valid_ones() {
    assertThatThrownBy(() -> catalogue.require("WEATHER"))
        .isInstanceOf(InvalidTicketException.class)
        .hasMessageContaining(
            "ACCOUNT, BILLING, ENTERPRISE_LINE, INSTALLATION, NETWORK, OTHER, PROMOTION");
  }

  @Test
  void numbers_read_the_day_and_the_sequence() {
    assertThat(TicketNumber.of(java.time.LocalDate.parse("2026-12-01"), 123))
        .isEqualTo("CD-20261201-000123");
    assertThat(TicketNumber.looksLikeOne("CD-20261201-000123")).isTrue();
    assertThat(TicketNumber.looksLikeOne("5f0c6f7e-1a2b")).isFalse();
  }
}
