package io.crossdesk.customer.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.customer.profile.domain.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContactTest {

  @Test
  void ids_order_a_customers_contacts_newest_first_and_stay_within_the_customer() {
    Instant earlier = Instant.parse("2026-03-01T08:00:00Z");
    String older = Contact.idOf("c-1", earlier, "e-1");
    String newer = Contact.idOf("c-1", earlier.plusMillis(1), "e-2");

    assertThat(newer).isLessThan(older);
    assertThat(older).startsWith(Contact.prefixOf("c-1"));
    assertThat(Contact.idOf("c-10", earlier, "e-1")).doesNotStartWith(Contact.prefixOf("c-1"));
  }

  @Test
  void the_same_event_makes_the_same_contact() {
    Instant at = Instant.parse("2026-03-01T08:00:00Z");
    Contact first =
        Contact.of("c-1", "e-1", Channel.WEB, ContactKind.TICKET_OPENED, at, "x", "T-1", "a");
    Contact again =
        Contact.of("c-1", "e-1", Channel.WEB, ContactKind.TICKET_OPENED, at, "x", "T-1", "a");

    assertThat(again.id()).isEqualTo(first.id());
  }
}
