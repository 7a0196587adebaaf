package io.crossdesk.notification.log.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crossdesk.notification.contact.domain.Contact;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerAddressesTest {

  private static Contact contact(String email, String phone, String preferred, boolean consent) {
    return new Contact("C-1", "Ada", email, phone, "en-US", preferred, consent, null);
  }

  @Test
  void every_message_reaches_the_feed_and_one_direct_channel() {
    assertThat(CustomerAddresses.of("C-1", Optional.of(contact("a@x.org", "+4930123", null, true))))
        .extracting(DeliveryAddress::channel, DeliveryAddress::address)
        .containsExactly(tuple(Channel.IN_APP, "customer:C-1"), tuple(Channel.EMAIL, "a@x.org"));
  }

  @Test
  void the_preferred_channel_wins_when_the_customer_can_be_reached_on_it() {
    assertThat(CustomerAddresses.direct(contact("a@x.org", "+4930123", "SMS", true)))
        .map(DeliveryAddress::channel)
        .contains(Channel.SMS);
    assertThat(CustomerAddresses.direct(contact("a@x.org", null, "SMS", true)))
        .map(DeliveryAddress::channel)
        .contains(Channel.EMAIL);
    assertThat(CustomerAddresses.direct(contact(null, "+4930123", null, true)))
        .map(DeliveryAddress::channel)
        .contains(Channel.SMS);
  }

  @Test
  void no_direct_copy_without_consent_or_for_customers_who_read_the_portal() {
    assertThat(CustomerAddresses.direct(contact("a@x.org", "+4930123", null, false))).isEmpty();
    assertThat(CustomerAddresses.direct(contact("a@x.org", "+4930123", "APP", true))).isEmpty();
    assertThat(CustomerAddresses.direct(contact(null, null, null, true))).isEmpty();
  }

  @Test
  void an_unknown_customer_gets_a_direct_copy_that_waits_for_an_address() {
    assertThat(CustomerAddresses.of("C-1", Optional.empty()))
        .filteredOn(to -> to.channel() != Channel.IN_APP)
        .singleElement()
        .satisfies(to -> assertThat(to.isKnown()).isFalse());
  }
}
