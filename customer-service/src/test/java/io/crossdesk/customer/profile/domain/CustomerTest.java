package io.crossdesk.customer.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
  private static final TierPolicy POLICY = TierPolicy.DEFAULT;

  @Test
  void registers_a_customer_under_a_fresh_id_noting_who_registered_them_and_when() {
    Customer first = register(Profiles.named("Acme"), null);
    Customer second = register(Profiles.named("Acme"), null);

    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(first.revision()).isZero();
    assertThat(first.registeredAt()).isEqualTo(NOW);
    assertThat(first.registeredBy()).isEqualTo("agent-7");
    assertThat(first.profile().status()).isEqualTo(CustomerStatus.ACTIVE);
    assertThat(first.profile().locale()).isEqualTo("zh-CN");
  }

  @Test
  void a_tier_named_at_registration_is_an_override_and_otherwise_the_policy_decides() {
    Customer named =
        register(
            Profiles.valued("Acme", "5000000", LocalDate.of(2010, 1, 1)),
            TierAssignment.manual(Tier.C, "set at registration", 0));
    Customer decided = register(Profiles.valued("Acme", "5000000", LocalDate.of(2010, 1, 1)), null);

    assertThat(named.tier().tier()).isEqualTo(Tier.C);
    assertThat(named.tier().basis()).isEqualTo(TierBasis.MANUAL);
    assertThat(decided.tier().tier()).isEqualTo(Tier.A);
    assertThat(decided.tier().basis()).isEqualTo(TierBasis.POLICY);
    assertThat(decided.tier().policyVersion()).isZero();
  }

  @Test
  void keeps_the_name_without_surrounding_blanks_and_refuses_a_blank_or_long_one() {
    assertThat(Profiles.named("  Ana Lima ").name()).isEqualTo("Ana Lima");
    assertThat(Profiles.named("x".repeat(200)).name()).hasSize(200);
    assertThatThrownBy(() -> Profiles.named(" "))
        .isInstanceOfSatisfying(
            InvalidCustomerException.class, e -> assertThat(e.field()).isEqualTo("name"));
    assertThatThrownBy(() -> Profiles.named("x".repeat(201)))
        .isInstanceOfSatisfying(
            InvalidCustomerException.class, e -> assertThat(e.field()).isEqualTo("name"));
  }

  @Test
  void names_every_wrong_detail_of_a_profile_at_once() {
    assertThatThrownBy(
            () ->
                new Profile(
                    "",
                    null,
                    false,
                    "not a region!",
                    List.of(),
                    List.of(),
                    null,
                    "fr-FR",
                    true,
                    null,
                    null,
                    List.of("ok", "not ok"),
                    null,
                    null))
        .isInstanceOfSatisfying(
            InvalidCustomerException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder(
                        "name", "type", "region", "phones", "emails", "locale", "products"));
  }

  @Test
  void keeps_phones_and_emails_in_order_without_repeats() {
    Profile profile =
        new Profile(
            "Acme",
            CustomerType.ENTERPRISE,
            false,
            null,
            List.of(new PhoneNumber("+8613812345678"), new PhoneNumber("+8613812345678")),
            List.of(new EmailAddress("A@example.com"), new EmailAddress("a@EXAMPLE.com")),
            null,
            "en-US",
            false,
            null,
            null,
            null,
            null,
            null);

    assertThat(profile.phones()).hasSize(1);
    assertThat(profile.emails()).extracting(EmailAddress::value).containsExactly("A@example.com");
    assertThat(profile.contactPoints())
        .containsExactly("phone:+8613812345678", "email:a@example.com");
  }

  @Test
  void an_edit_of_the_value_moves_a_policy_tier_and_names_what_changed() {
    Customer customer = register(Profiles.valued("Acme", "50000", null), null);
    assertThat(customer.tier().tier()).isEqualTo(Tier.C);

    Customer.Change change =
        customer
            .edit(
                Profiles.valued("Acme", "200000", LocalDate.of(2020, 1, 1)),
                Customer.TierEdit.KEEP,
                POLICY,
                NOW,
                "agent-8")
            .orElseThrow();

    assertThat(change.after().tier().tier()).isEqualTo(Tier.B);
    assertThat(change.tierChanged()).isTrue();
    assertThat(change.after().revision()).isEqualTo(1);
    assertThat(change.after().updatedBy()).isEqualTo("agent-8");
    assertThat(change.changedFields()).containsExactly("yearlyRevenue", "customerSince", "tier");
  }

  @Test
  void an_override_sticks_through_value_changes_until_it_is_cleared() {
    Customer customer = register(Profiles.valued("Acme", "50000", null), null);
    Customer overridden =
        customer
            .edit(
                customer.profile(),
                Customer.TierEdit.override(Tier.A, "strategic account"),
                POLICY,
                NOW,
                "sup-1")
            .orElseThrow()
            .after();
    assertThat(overridden.tier().tier()).isEqualTo(Tier.A);
    assertThat(overridden.tier().reason()).isEqualTo("strategic account");

    Customer stillA =
        overridden
            .edit(Profiles.valued("Acme", "10", null), Customer.TierEdit.KEEP, POLICY, NOW, "a")
            .orElseThrow()
            .after();
    assertThat(stillA.tier().tier()).isEqualTo(Tier.A);
    assertThat(stillA.retier(POLICY, NOW)).isEmpty();

    Customer.Change cleared =
        stillA.edit(stillA.profile(), Customer.TierEdit.CLEAR, POLICY, NOW, "a").orElseThrow();
    assertThat(cleared.after().tier().tier()).isEqualTo(Tier.C);
    assertThat(cleared.after().tier().basis()).isEqualTo(TierBasis.POLICY);
  }

  @Test
  void an_override_needs_a_reason() {
    Customer customer = register(Profiles.named("Acme"), null);

    assertThatThrownBy(
            () ->
                customer.edit(
                    customer.profile(), Customer.TierEdit.override(Tier.A, " "), POLICY, NOW, "a"))
        .isInstanceOfSatisfying(
            InvalidCustomerException.class,
            e -> assertThat(e.field()).isEqualTo("tierOverride.reason"));
  }

  @Test
  void an_edit_that_changes_nothing_is_no_change() {
    Customer customer = register(Profiles.named("Acme"), null);

    assertThat(customer.edit(Profiles.named("Acme"), Customer.TierEdit.KEEP, POLICY, NOW, "a"))
        .isEmpty();
  }

  @Test
  void a_new_policy_retiers_a_policy_tier_under_its_version() {
    Customer customer = register(Profiles.valued("Acme", "200000", LocalDate.of(2024, 1, 1)), null);
    assertThat(customer.tier().tier()).isEqualTo(Tier.B);
    TierPolicy generous =
        POLICY.next(
            new TierThreshold(new BigDecimal("150000"), 0),
            new TierThreshold(new BigDecimal("1000"), 0),
            NOW,
            "admin-1");

    Customer.Change change = customer.retier(generous, NOW).orElseThrow();

    assertThat(change.after().tier().tier()).isEqualTo(Tier.A);
    assertThat(change.after().tier().policyVersion()).isEqualTo(1);
    assertThat(change.after().updatedBy()).isEqualTo(Customer.TIER_POLICY);
    assertThat(change.changedFields()).containsExactly("tier");
  }

  @Test
  void belongs_only_to_the_customer_with_its_own_id() {
    Customer customer = register(Profiles.named("Acme"), null);

    assertThat(customer.belongsTo(customer.id().value())).isTrue();
    assertThat(customer.belongsTo(CustomerId.generate().value())).isFalse();
    assertThat(customer.belongsTo(null)).isFalse();
  }

  private static Customer register(Profile profile, TierAssignment manual) {
    return Customer.register(profile, manual, POLICY, NOW, "agent-7");
  }
}
