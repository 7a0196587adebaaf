package io.crossdesk.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(8, Duration.ofSeconds(5), 6, Duration.ofHours(6), 0.2, 3);

  @Test
  void waits_exponentially_longer_up_to_the_cap() {
    assertThat(policy.delayAfter(1, 0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.delayAfter(2, 0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delayAfter(3, 0)).isEqualTo(Duration.ofMinutes(3));
    assertThat(policy.delayAfter(4, 0)).isEqualTo(Duration.ofMinutes(18));
    assertThat(policy.delayAfter(7, 0)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void adds_up_to_the_jitter_share_at_random() {
    assertThat(policy.delayAfter(2, 0.5)).isEqualTo(Duration.ofSeconds(33));
    assertThat(policy.delayAfter(2, 0.999)).isLessThan(Duration.ofSeconds(36));
  }
}
