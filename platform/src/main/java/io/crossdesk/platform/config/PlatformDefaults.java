package io.crossdesk.platform.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares; a service's own configuration overrides any of them. Listed here
 * once rather than copied into six application.yml files.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  public static final Map<String, Object> DEFAULTS =
      Map.ofEntries(
          Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
          Map.entry("spring.kafka.consumer.enable-auto-commit", "false"),
          // Events written in transactions (analytics' warnings) are read once committed; the
          // outbox relays write none, so for their events this changes nothing.
          Map.entry("spring.kafka.consumer.isolation-level", "read_committed"),
          Map.entry("spring.kafka.producer.acks", "all"),
          Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
          // The relay sends a batch at once and waits for it: a few milliseconds of linger let the
          // producer put many events in one request.
          Map.entry("spring.kafka.producer.properties.linger.ms", "5"),
          Map.entry("spring.kafka.producer.batch-size", "65536"),
          // Bounded sends: max.block.ms + delivery.timeout.ms stay below crossdesk.outbox.lease
          // (45 s), so an instance never retries events another one is still sending.
          Map.entry("spring.kafka.producer.properties.max.block.ms", "5000"),
          Map.entry("spring.kafka.producer.properties.request.timeout.ms", "10000"),
          Map.entry("spring.kafka.producer.properties.delivery.timeout.ms", "30000"),
          // As many consumers per listener as the topics have partitions.
          Map.entry("spring.kafka.listener.concurrency", "${crossdesk.kafka.partitions:3}"),
          // Offsets are committed once a second rather than after every poll: a commit is a write
          // the broker replicates, and every consumer is idempotent, so a crash that replays up to
          // a second of records changes nothing (measured: docs/performance.md, sustained mode).
          Map.entry("spring.kafka.listener.ack-mode", "time"),
          Map.entry("spring.kafka.listener.ack-time", "1s"),
          // An idle consumer's fetch is answered empty after this long, a busy one's as soon as a
          // record arrives: the wait costs no latency, while each empty answer costs the broker and
          // the service a round trip (about half the stack's idle CPU at 500 ms). Offsets of the
          // last records before a pause are committed up to this late.
          Map.entry("spring.kafka.consumer.fetch-max-wait", "2s"),
          // An instance that dies without leaving its group (kill -9, a lost node) hands its
          // partitions over after 10 s rather than the client's default 45 s; analytics' engine
          // sets the same for its own consumers.
          Map.entry("spring.kafka.consumer.properties.session.timeout.ms", "10000"),
          Map.entry("spring.kafka.consumer.properties.heartbeat.interval.ms", "3000"),
          Map.entry("spring.data.mongodb.auto-index-creation", "true"),
          Map.entry("management.health.mongo.enabled", "false"),
          Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
          Map.entry("management.endpoint.health.probes.enabled", "true"),
          Map.entry("management.endpoint.health.show-details", "always"),
          Map.entry("server.shutdown", "graceful"),
          // Traces: W3C trace context on every request and event (io.crossdesk.platform.events
          // .Traces). One trace in ten is recorded; spans go to Zipkin only where an operator
          // turns the export on and names the endpoint (docs/operations.md, "Traces").
          Map.entry("management.tracing.sampling.probability", "0.1"),
          Map.entry("management.tracing.export.zipkin.enabled", "false"),
          // Spans for requests, events and the calls they make; not for the platform's own
          // polling (every 200 ms), nor a span per security filter of every request.
          Map.entry("management.observations.enable.tasks.scheduled", "false"),
          Map.entry("management.observations.enable.spring.security", "false"));

  /** Plain text for a person at a terminal; JSON (Elastic Common Schema) for a log pipeline. */
  static final Map<String, Object> JSON_LOGS = Map.of("logging.structured.format.console", "ecs");

  /** The profile of the local stack and the tests: logs are read by people there. */
  static final String LOCAL_PROFILE = "local";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource("crossdeskDefaults", DEFAULTS));
    if (!environment.matchesProfiles(LOCAL_PROFILE)) {
      environment.getPropertySources().addLast(new MapPropertySource("crossdeskLogs", JSON_LOGS));
    }
  }
}
