package io.crossdesk.systemtest;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running system for every system-test class of a run: starting six services takes most of a
 * minute, so the classes share them, and the system stops when the run ends. A class that extends
 * with this finds the system, the gateway client and an intake producer through the accessors.
 */
final class SharedSystem implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedSystem.class);

  private static volatile Started started;

  @Override
  public void beforeAll(ExtensionContext context) {
    started =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(Started.class, key -> Started.start(), Started.class);
  }

  static RunningSystem system() {
    return current().system();
  }

  static GatewayClient gateway() {
    return current().gateway();
  }

  /** A producer for what other systems send: intake requests, step results. */
  static KafkaProducer<String, String> producer() {
    return current().producer();
  }

  private static Started current() {
    if (started == null) {
      throw new IllegalStateException("extend the test class with SharedSystem");
    }
    return started;
  }

  private record Started(
      RunningSystem system, GatewayClient gateway, KafkaProducer<String, String> producer)
      implements AutoCloseable {

    static Started start() {
      RunningSystem system = new RunningSystem().start();
      return new Started(
          system,
          new GatewayClient(system.gatewayUrl()),
          new KafkaProducer<>(
              Map.of("bootstrap.servers", system.kafkaBootstrapServers()),
              new StringSerializer(),
              new StringSerializer()));
    }

    @Override
    public void close() {
      producer.close();
      system.close();
    }
  }
}
