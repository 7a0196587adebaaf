package io.crossdesk.notification.log.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.notification.contact.domain.Contact;
import org.junit.jupiter.api.Test;

class DeliveryAddressTest {

  @Test
  void prefers_email_over_sms() {
    assertThat(DeliveryAddress.of(new Contact("C-1", "Ada", "ada@example.org", "+4412")))
        .isEqualTo(new DeliveryAddress(Channel.EMAIL, "ada@example.org"));
  }

  @Test
  void treats_a_blank_email_address_as_none() {
    assertThat(DeliveryAddress.of(new Contact("C-1", "Ada", " ", "+4412")))
        .isEqualTo(new DeliveryAddress(Channel.SMS, "+4412"));
  }

  @Test
  void knows_no_recipient_for_a_customer_without_email_or_phone() {
    DeliveryAddress address = DeliveryAddress.of(new Contact("C-1", "Ada", null, null));

    assertThat(address.channel()).isEqualTo(Channel.SMS);
    assertThat(address.isKnown()).isFalse();
  }
}
