package io.crossdesk.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

class GatewayOverloadTest {

  private final GatewayOverload overload = new GatewayOverload();

  @Test
  void aFullBulkheadIsTheGatewaysOwnLimit() {
    Bulkhead full = Bulkhead.ofDefaults("ticket-service");

    assertThat(overload.test(BulkheadFullException.createBulkheadFullException(full))).isTrue();
  }

  @Test
  void anExhaustedConnectionPoolIsTheGatewaysOwnLimitHoweverItIsWrapped() {
    assertThat(overload.test(new PoolAcquireTimeoutException(Duration.ofSeconds(2)))).isTrue();
    assertThat(overload.test(new IllegalStateException(new PoolAcquirePendingLimitException(1))))
        .isTrue();
  }

  @Test
  void aServiceThatCannotBeReachedOrDoesNotAnswerIsFailing() {
    assertThat(overload.test(new ConnectException("Connection refused"))).isFalse();
    assertThat(overload.test(new TimeoutException("no answer in 10 s"))).isFalse();
    assertThat(overload.test(null)).isFalse();
  }
}
