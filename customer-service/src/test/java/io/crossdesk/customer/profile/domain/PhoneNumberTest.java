package io.crossdesk.customer.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"12345", "+351 912-345-678", "030 1234567", "+4930123456789012345"})
  void accepts_digits_with_a_leading_plus_spaces_and_dashes(String text) {
    assertThat(new PhoneNumber(text).value()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1234", "+49 30 1234567890123456", "0800-CALL-NOW", "12+345", "-12345", "12345-"})
  void refuses_anything_else(String text) {
    assertThatThrownBy(() -> new PhoneNumber(text))
        .isInstanceOfSatisfying(
            InvalidCustomerException.class, e -> assertThat(e.field()).isEqualTo("phone"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+351 912-345-678", "+351912345678", "+351 912 345 678"})
  void finds_the_same_number_however_it_is_spaced(String text) {
    assertThat(PhoneNumber.lookupKeyOf(text)).isEqualTo("+351912345678");
    assertThat(new PhoneNumber(text).lookupKey()).isEqualTo("+351912345678");
  }
}
