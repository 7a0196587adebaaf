package io.crossdesk.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at the test infrastructure and the test signing key, with a database
 * of its own. Tests that start several instances of a service on one database pass {@link
 * #arguments} to each instead.
 */
public class TestInfrastructureInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("crossdeskTestInfrastructure", settings(database)));
  }

  /**
   * The same settings as command-line arguments for an instance on {@code database}, followed by
   * {@code more} ("--name=value" each).
   */
  public static String[] arguments(String database, String... more) {
    List<String> arguments = new ArrayList<>();
    settings(database).forEach((name, value) -> arguments.add("--" + name + "=" + value));
    arguments.addAll(List.of(more));
    return arguments.toArray(String[]::new);
  }

  private static Map<String, Object> settings(String database) {
    TestInfrastructure infrastructure = TestInfrastructure.get();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
    settings.put("spring.mongodb.uri", infrastructure.mongoUri(database));
    settings.put("crossdesk.security.issuer", TestTokens.ISSUER);
    settings.put(
        "crossdesk.security.public-key-location", "file:" + TestKeys.get().publicKeyFile());
    settings.put("crossdesk.outbox.poll-interval", "100ms");
    settings.put("crossdesk.deadlines.poll-interval", "100ms");
    settings.put("crossdesk.dead-letters.initial-interval", "50ms");
    // Tests look at committed offsets soon after the last record; production idles cheaper with a
    // longer wait (PlatformDefaults).
    settings.put("spring.kafka.consumer.fetch-max-wait", "500ms");
    // A listener commits its time-based acknowledgements when its poll returns, and an idle poll
    // returns only after this long (5 s by default): the offset of a test's last record would be
    // committed up to 5 s after it was handled.
    settings.put("spring.kafka.listener.poll-timeout", "250ms");
    return settings;
  }
}
