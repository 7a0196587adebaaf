package io.crossdesk.customer.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @Test
  void finds_an_address_whatever_its_case() {
    assertThat(new EmailAddress(" Ana.Lima@Example.ORG ").lookupKey())
        .isEqualTo("ana.lima@example.org");
    assertThat(EmailAddress.lookupKeyOf("ANA.LIMA@example.org")).isEqualTo("ana.lima@example.org");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ana.lima",
        "ana@@example.org",
        "ana lima@example.org",
        "@example",
        "\"ana lima\"@example.org",
        "ana@localhost"
      })
  void refuses_text_that_is_no_address(String text) {
    assertThatThrownBy(() -> new EmailAddress(text))
        .isInstanceOfSatisfying(
            InvalidCustomerException.class, e -> assertThat(e.field()).isEqualTo("email"));
  }

  @Test
  void masks_all_of_the_local_part_but_its_first_letter() {
    assertThat(new EmailAddress("zhang.wei@example.com").masked()).isEqualTo("z***@example.com");
  }
}
