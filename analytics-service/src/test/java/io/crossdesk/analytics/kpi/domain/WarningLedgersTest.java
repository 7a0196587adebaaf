package io.crossdesk.analytics.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.analytics.AnomalyDetected;
import io.crossdesk.contracts.analytics.CustomerAtRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningLedgersTest {

  private static final Instant T0 = Instant.parse("2025-05-01T10:15:00Z");
  private static final SpikeRule RULE = new SpikeRule(5, 168, 3);

  @Test
  void a_third_complaint_within_thirty_days_raises_the_customer_once() {
    CustomerRisk risk = CustomerRisk.none();
    List<CustomerAtRisk> raised = new ArrayList<>();
    for (Instant at :
        List.of(
            T0,
            T0.plus(Duration.ofDays(12)),
            T0.plus(Duration.ofDays(29)),
            T0.plus(Duration.ofDays(29).plusHours(1)))) {
      RiskLedger.Result result = RiskLedger.fold("C-1", risk, complaint(at));
      risk = result.state();
      result.raised().ifPresent(raised::add);
    }

    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).newReason()).isEqualTo(RiskReason.REPEATED_COMPLAINTS);
    assertThat(raised.get(0).flaggedAt()).isEqualTo(T0.plus(Duration.ofDays(29)));
  }

  @Test
  void a_customer_keeps_a_small_state_however_many_complaints_they_make() {
    CustomerRisk risk = CustomerRisk.none();
    for (int i = 0; i < 500; i++) {
      risk = RiskLedger.fold("C-1", risk, complaint(T0.plusSeconds(60L * i))).state();
    }

    assertThat(risk.complaints()).hasSize(2);
    assertThat(risk.reasons()).hasSize(1);
  }

  @Test
  void complaints_spread_over_more_than_thirty_days_raise_nothing() {
    CustomerRisk risk = CustomerRisk.none();
    for (Instant at : List.of(T0, T0.plus(Duration.ofDays(20)), T0.plus(Duration.ofDays(31)))) {
      RiskLedger.Result result = RiskLedger.fold("C-1", risk, complaint(at));
      assertThat(result.raised()).isEmpty();
      risk = result.state();
    }
  }

  @Test
  void another_reason_raises_again_with_every_reason_that_holds() {
    CustomerRisk risk =
        RiskLedger.fold("C-1", CustomerRisk.none(), signal(RiskReason.LOW_SATISFACTION, T0))
            .state();
    RiskLedger.Result reopened =
        RiskLedger.fold("C-1", risk, signal(RiskReason.REOPENED_COMPLAINT, T0.plusSeconds(60)));
    RiskLedger.Result again =
        RiskLedger.fold(
            "C-1", reopened.state(), signal(RiskReason.LOW_SATISFACTION, T0.plusSeconds(120)));

    assertThat(reopened.raised().orElseThrow().reasons())
        .extracting(CustomerAtRisk.Reason::code)
        .containsExactly(RiskReason.LOW_SATISFACTION, RiskReason.REOPENED_COMPLAINT);
    assertThat(again.raised()).isEmpty();
  }

  @Test
  void five_complaints_in_a_quiet_hour_are_one_spike_and_the_next_hour_continues_it() {
    ComplaintHours hours = ComplaintHours.none();
    List<AnomalyDetected> spikes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // Six in the first hour, six in the next.
      Instant at = T0.plus(Duration.ofMinutes(i < 6 ? i : 60 + i));
      SpikeLedger.Result result = SpikeLedger.fold(hours, complaint(at), RULE);
      hours = result.state();
      result.raised().ifPresent(spikes::add);
    }

    assertThat(spikes).hasSize(1);
    AnomalyDetected spike = spikes.get(0);
    assertThat(spike.observed()).isEqualTo(5);
    assertThat(spike.threshold()).isEqualTo(5.0);
    assertThat(spike.anomalyId()).isEqualTo("spike-NETWORK-CN-SH-2025050110");
  }

  @Test
  void a_steady_rate_is_no_spike_however_high() {
    ComplaintHours hours = ComplaintHours.none();
    for (int hour = 0; hour < 200; hour++) {
      for (int i = 0; i < 6; i++) {
        Instant at = T0.plus(Duration.ofHours(hour)).plusSeconds(i);
        SpikeLedger.Result result = SpikeLedger.fold(hours, complaint(at), RULE);
        hours = result.state();
        if (hour > 168) {
          assertThat(result.raised()).isEmpty();
        }
      }
    }
  }

  private static Signal complaint(Instant at) {
    return new Signal(Signal.COMPLAINT_OPENED, "C-1", "B", "NETWORK", "CN-SH", "CD-1", "T-1", at);
  }

  private static Signal signal(String reason, Instant at) {
    return new Signal(reason, "C-1", "B", "NETWORK", "CN-SH", "detail", "T-1", at);
  }
}
