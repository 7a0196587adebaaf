package io.crossdesk.customer.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  @ParameterizedTest
  @CsvSource({
    "'+351 912-345-678', +351912345678",
    "'+86 (138) 1234.5678', +8613812345678",
    "'0086 138 1234 5678', +8613812345678",
    "'138 1234 5678', +8613812345678",
    "'021 5555 0100', +862155550100",
    "12345, +8612345"
  })
  void stores_any_usual_spelling_in_e164(String given, String e164) {
    assertThat(PhoneNumber.parse(given, "86").value()).isEqualTo(e164);
    assertThat(PhoneNumber.parse(given, "86").lookupKey()).isEqualTo(e164);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1234",
        "+4930123456789012345",
        "0800-CALL-NOW",
        "12+345",
        "-12345",
        "12345-",
        "+0 123 4567"
      })
  void refuses_anything_else(String text) {
    assertThatThrownBy(() -> PhoneNumber.parse(text, "86"))
        .isInstanceOfSatisfying(
            InvalidCustomerException.class, e -> assertThat(e.field()).isEqualTo("phone"));
  }

  @Test
  void refuses_a_stored_value_that_is_not_e164() {
    assertThatThrownBy(() -> new PhoneNumber("+86 138 1234 5678"))
        .isInstanceOf(InvalidCustomerException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "+8613812345678, '+86 138****5678'",
    "+351912345678, '+351 912**5678'",
    "+14155550123, '+1 415***0123'",
    "+493012345678, '+49 301***5678'"
  })
  void masks_all_but_country_code_first_three_and_last_four_digits(String e164, String masked) {
    assertThat(new PhoneNumber(e164).masked()).isEqualTo(masked);
  }
}
