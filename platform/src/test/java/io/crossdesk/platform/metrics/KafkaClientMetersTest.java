package io.crossdesk.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KafkaClientMetersTest {

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicLong value = new AtomicLong(7);

  KafkaClientMetersTest() {
    registry.config().meterFilter(new KafkaClientMeters());
  }

  @Test
  void keeps_the_clients_meters_an_operator_watches() {
    registry.gauge("kafka.consumer.fetch.manager.records.lag.max", value);
    registry.gauge("kafka.stream.thread.process.total", value);

    assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max").gauge().value())
        .isEqualTo(7.0);
    assertThat(registry.find("kafka.stream.thread.process.total").gauge()).isNotNull();
  }

  @Test
  void drops_the_rest_of_the_clients_meters() {
    registry.gauge("kafka.consumer.fetch.manager.fetch.size.avg", value);
    registry.gauge("kafka.admin.client.node.request.rate", value);
    registry.gauge("kafka.stream.state.block.cache.usage", value);

    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void leaves_every_other_meter_alone() {
    registry.gauge("crossdesk.outbox.pending", value);
    registry.counter("spring.kafka.listener", "name", "x").increment();

    assertThat(registry.find("crossdesk.outbox.pending").gauge()).isNotNull();
    assertThat(registry.find("spring.kafka.listener").counter().count()).isEqualTo(1.0);
  }
}
