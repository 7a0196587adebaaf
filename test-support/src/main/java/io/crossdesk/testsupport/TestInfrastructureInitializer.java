package io.crossdesk.testsupport;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a service under test at the test infrastructure and the test signing key. */
public class TestInfrastructureInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestInfrastructure infrastructure = TestInfrastructure.get();
    String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "crossdeskTestInfrastructure",
                Map.of(
                    "spring.kafka.bootstrap-servers",
                    infrastructure.kafkaBootstrapServers(),
                    "spring.mongodb.uri",
                    infrastructure.mongoUri(database),
                    "crossdesk.security.issuer",
                    TestTokens.ISSUER,
                    "crossdesk.security.public-key-location",
                    "file:" + TestKeys.get().publicKeyFile(),
                    "crossdesk.outbox.poll-interval",
                    "100ms",
                    "crossdesk.deadlines.poll-interval",
                    "100ms",
                    "crossdesk.dead-letters.initial-interval",
                    "50ms",
                    // Tests look at committed offsets soon after the last record; production
                    // idles cheaper with a longer wait (PlatformDefaults).
                    "spring.kafka.consumer.fetch-max-wait",
                    "500ms",
                    // A listener commits its time-based acknowledgements when its poll returns,
                    // and an idle poll returns only after this long (5 s by default): the offset
                    // of a test's last record would be committed up to 5 s after it was handled.
                    "spring.kafka.listener.poll-timeout",
                    "250ms")));
  }
}
