package io.crossdesk.customer.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");

  @Test
  void registers_a_customer_under_a_fresh_id_noting_who_registered_them_and_when() {
    Customer first = Customer.register(details("Ana Lima"), NOW, "agent-7");
    Customer second = Customer.register(details("Ana Lima"), NOW, "agent-7");

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(first.registeredAt()).isEqualTo(NOW);
    assertThat(first.registeredBy()).isEqualTo("agent-7");
    assertThat(first.type()).isEqualTo(CustomerType.INDIVIDUAL);
    assertThat(first.tier()).isEqualTo(Tier.B);
  }

  @Test
  void keeps_the_name_without_surrounding_blanks() {
    assertThat(Customer.register(details("  Ana Lima "), NOW, "agent-7").name())
        .isEqualTo("Ana Lima");
  }

  @Test
  void refuses_a_blank_name() {
    assertThatThrownBy(() -> Customer.register(details("  "), NOW, "agent-7"))
        .isInstanceOfSatisfying(
            InvalidCustomerException.class, e -> assertThat(e.field()).isEqualTo("name"));
  }

  @Test
  void refuses_a_name_longer_than_200_characters() {
    assertThat(Customer.register(details("x".repeat(200)), NOW, "agent-7").name()).hasSize(200);
    assertThatThrownBy(() -> Customer.register(details("x".repeat(201)), NOW, "agent-7"))
        .isInstanceOfSatisfying(
            InvalidCustomerException.class, e -> assertThat(e.field()).isEqualTo("name"));
  }

  @Test
  void refuses_a_customer_without_tier() {
    NewCustomer withoutTier =
        new NewCustomer(
            "Acme Logistics",
            CustomerType.ENTERPRISE,
            null,
            new PhoneNumber("+49 30 1234567"),
            new EmailAddress("desk@acme.example"));

    assertThatThrownBy(() -> Customer.register(withoutTier, NOW, "agent-7"))
        .isInstanceOfSatisfying(
            InvalidCustomerException.class, e -> assertThat(e.field()).isEqualTo("tier"));
  }

  @Test
  void belongs_only_to_the_customer_with_its_own_id() {
    Customer customer = Customer.register(details("Ana Lima"), NOW, "agent-7");

    assertThat(customer.belongsTo(customer.id().value())).isTrue();
    assertThat(customer.belongsTo(CustomerId.generate().value())).isFalse();
    assertThat(customer.belongsTo(null)).isFalse();
  }

  static NewCustomer details(String name) {
    return new NewCustomer(
        name,
        CustomerType.INDIVIDUAL,
        Tier.B,
        new PhoneNumber("+351 912-345-678"),
        new EmailAddress("ana.lima@example.org"));
  }
}
