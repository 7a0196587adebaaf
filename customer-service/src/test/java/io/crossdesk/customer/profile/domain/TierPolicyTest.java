package io.crossdesk.customer.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TierPolicyTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @Test
  void a_customer_reaches_a_tier_by_both_revenue_and_tenure() {
    TierPolicy policy = TierPolicy.DEFAULT;

    assertThat(decide(policy, "1000000", 3)).isEqualTo(Tier.A);
    assertThat(decide(policy, "1000000", 2)).isEqualTo(Tier.B);
    assertThat(decide(policy, "99999.99", 10)).isEqualTo(Tier.C);
    assertThat(policy.decide(CustomerValue.UNKNOWN, TODAY).tier()).isEqualTo(Tier.C);
    assertThat(policy.decide(CustomerValue.UNKNOWN, TODAY).reason()).contains("v0");
  }

  @Test
  void refuses_thresholds_out_of_order() {
    assertThatThrownBy(() -> policy("100", 1, "1000", 1)).satisfies(e -> assertFields(e, "a"));
    assertThatThrownBy(() -> policy("1000", 0, "100", 2)).satisfies(e -> assertFields(e, "a"));
  }

  @Test
  void refuses_a_policy_that_leaves_a_tier_unreachable() {
    assertThatThrownBy(() -> policy("1000", 1, "1000", 1)).satisfies(e -> assertFields(e, "b"));
    assertThatThrownBy(() -> policy("1000", 1, "0", 0)).satisfies(e -> assertFields(e, "b"));
  }

  @Test
  void refuses_negative_thresholds() {
    assertThatThrownBy(() -> policy("-1", 1, "0", 1))
        .satisfies(e -> assertFields(e, "a.minYearlyRevenue"));
  }

  @Test
  void each_change_is_the_next_version() {
    TierPolicy next =
        TierPolicy.DEFAULT.next(threshold("10", 2), threshold("5", 1), Instant.EPOCH, "admin-1");

    assertThat(next.version()).isEqualTo(1);
    assertThat(next.setBy()).isEqualTo("admin-1");
  }

  private static Tier decide(TierPolicy policy, String revenue, int years) {
    return policy
        .decide(new CustomerValue(new BigDecimal(revenue), TODAY.minusYears(years)), TODAY)
        .tier();
  }

  private static TierPolicy policy(String aRevenue, int aYears, String bRevenue, int bYears) {
    return new TierPolicy(
        1, threshold(aRevenue, aYears), threshold(bRevenue, bYears), Instant.EPOCH, "admin-1");
  }

  private static TierThreshold threshold(String revenue, int years) {
    return new TierThreshold(new BigDecimal(revenue), years);
  }

  private static void assertFields(Throwable thrown, String field) {
    assertThat(thrown).isInstanceOf(InvalidTierPolicyException.class);
    assertThat(((InvalidTierPolicyException) thrown).problems())
        .extracting(FieldProblem::field)
        .contains(field);
  }
}
