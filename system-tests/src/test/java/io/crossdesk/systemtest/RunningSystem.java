package io.crossdesk.systemtest;

import io.crossdesk.localstack.JavaCommand;
import io.crossdesk.localstack.Probes;
import io.crossdesk.localstack.ServiceProcess;
import io.crossdesk.testsupport.MessageSinks;
import io.crossdesk.testsupport.TestInfrastructure;
import io.crossdesk.testsupport.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The six services as separate JVMs, built by this reactor, against the test Kafka broker and
 * MongoDB server, each with its own database, as the local stack runs them. Every service reports
 * every trace to a {@link SpanCollector}. A service can run as more instances ({@link
 * #startInstance}): {@code ticket-service#2} shares the database, consumer groups and deadlines of
 * {@code ticket-service}, as a second replica in production would.
 */
final class RunningSystem implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RunningSystem.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final List<String> JVM_FLAGS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xmx256m",
          "-Xss512k",
          "-XX:ReservedCodeCacheSize=64m",
          "-XX:-UsePerfData");

  /** Service module to database name; the gateway has none. */
  private static final Map<String, String> DATABASES =
      Map.of(
          "customer-service", "customers",
          "ticket-service", "tickets",
          "workorder-service", "workorders",
          "notification-service", "notifications",
          "analytics-service", "analytics");

  private static final Random RANDOM = new Random();

  /** Every port handed out by this JVM, so two instances never get the same one. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  /** Instance name ({@code ticket-service}, {@code ticket-service#2}) to its port. */
  private final Map<String, Integer> ports = new ConcurrentHashMap<>();

  private final Map<String, ServiceProcess> processes = new ConcurrentHashMap<>();
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final Path logs;
  private final TestInfrastructure infrastructure = TestInfrastructure.get();
  private final SpanCollector spans = new SpanCollector();

  /** The services of the system, as their modules are named. */
  static final List<String> SERVICES =
      List.of(
          "customer-service",
          "ticket-service",
          "workorder-service",
          "notification-service",
          "analytics-service",
          "gateway-service");

  RunningSystem() {
    try {
      logs = Files.createDirectories(Path.of("target", "system-logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String service : SERVICES) {
      ports.put(service, freePort());
    }
  }

  /** Starts every service in parallel and waits until all report UP. */
  RunningSystem start() {
    long started = System.nanoTime();
    startAll(SERVICES);
    log.info(
        "Crossdesk system under test: six services up in {} s (logs in {})",
        (System.nanoTime() - started) / 1_000_000_000,
        logs.toAbsolutePath());
    return this;
  }

  /** Starts the named instances in parallel and waits until all report UP. */
  void startAll(List<String> instances) {
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (String instance : instances) {
      all.add(CompletableFuture.runAsync(() -> startAndAwait(instance)));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }

  /**
   * Starts (or starts again) a service instance: {@code ticket-service} or {@code
   * ticket-service#2}.
   */
  void startAndAwait(String instance) {
    ports.computeIfAbsent(instance, any -> freePort());
    ServiceProcess process =
        ServiceProcess.start(command(instance), logs.resolve(instance.replace('#', '-') + ".log"));
    processes.put(instance, process);
    process.awaitHealthy(Probes.actuatorHealth(ports.get(instance)), START_TIMEOUT);
  }

  /** The name of a further instance of {@code service}: {@code ticket-service#2}, ... */
  static String instance(String service, int number) {
    return service + "#" + number;
  }

  /** Crashes an instance as kill -9 would: no shutdown hooks, no offset commits. */
  void kill(String instance) {
    processes.get(instance).kill();
  }

  /** Stops an instance gracefully, as a scale-in would, and forgets it. */
  void stop(String instance) {
    ServiceProcess process = processes.remove(instance);
    if (process != null) {
      process.close();
    }
  }

  /** Where every instance reports its spans. */
  SpanCollector spans() {
    return spans;
  }

  /** An instance's log file. */
  Path log(String instance) {
    return logs.resolve(instance.replace('#', '-') + ".log");
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + ports.get("gateway-service");
  }

  String ticketServiceUrl() {
    return url("ticket-service");
  }

  String serviceUrl(String service) {
    return url(service);
  }

  /** Service name to the pid of its current process (a restarted service has a new one). */
  Map<String, Long> pids() {
    Map<String, Long> pids = new TreeMap<>();
    processes.forEach((service, process) -> pids.put(service, process.pid()));
    return pids;
  }

  String mongoUri(String service) {
    return infrastructure.mongoUri(database(service));
  }

  String kafkaBootstrapServers() {
    return infrastructure.kafkaBootstrapServers();
  }

  private String database(String service) {
    return "crossdesk-" + DATABASES.get(service) + "-" + runId;
  }

  /** The module an instance runs: {@code ticket-service} for {@code ticket-service#2}. */
  private static String moduleOf(String instance) {
    int hash = instance.indexOf('#');
    return hash < 0 ? instance : instance.substring(0, hash);
  }

  private JavaCommand command(String instance) {
    String service = moduleOf(instance);
    Path jar = Path.of("..", service, "target", service + "-0.1.0-SNAPSHOT-exec.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run ./mvnw verify");
    }
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + ports.get(instance));
    // Plain text logs, for a person reading them after a failure.
    args.add("--spring.profiles.active=local");
    // Every trace, to the collector: a test reads one ticket's trace whole.
    args.add("--management.tracing.sampling.probability=1.0");
    args.add("--management.tracing.export.zipkin.enabled=true");
    args.add("--management.tracing.export.zipkin.endpoint=" + spans.endpoint());
    args.add("--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers());
    args.add("--crossdesk.security.public-key-location=file:" + TestKeys.get().publicKeyFile());
    args.add("--crossdesk.outbox.poll-interval=200ms");
    // A short lease, so a killed service's unpublished events are taken over within seconds; the
    // producer's time limits stay below it, as the relay requires.
    args.add("--crossdesk.outbox.lease=8s");
    // Likewise a killed instance's claimed deadlines are fired by another within seconds.
    args.add("--crossdesk.deadlines.lease=10s");
    args.add("--spring.kafka.producer.properties.max.block.ms=2000");
    args.add("--spring.kafka.producer.properties.request.timeout.ms=2000");
    args.add("--spring.kafka.producer.properties.delivery.timeout.ms=5000");
    if (DATABASES.containsKey(service)) {
      args.add("--spring.mongodb.uri=" + infrastructure.mongoUri(database(service)));
    }
    args.add("--crossdesk.services.customer-uri=" + url("customer-service"));
    if (service.equals("notification-service")) {
      // Customers' and staff's messages go to the test mail server and SMS gateway.
      args.add("--spring.mail.host=127.0.0.1");
      args.add("--spring.mail.port=" + MessageSinks.smtpPort());
      args.add("--crossdesk.notifications.sms-url=" + MessageSinks.smsUrl());
      args.add("--crossdesk.notifications.survey.secret=system-test-survey-secret-" + runId);
      args.add("--crossdesk.notifications.survey.link-base=" + gatewayUrl() + "/api/surveys/");
      args.add("--crossdesk.notifications.survey.after=1s");
      // A failing webhook subscriber is tried twice, a second apart, and disabled after one
      // delivery given up, so the test sees the whole course in seconds.
      args.add("--crossdesk.webhooks.first-retry-delay=1s");
      args.add("--crossdesk.webhooks.retry-multiplier=1");
      args.add("--crossdesk.webhooks.max-tries=2");
      args.add("--crossdesk.webhooks.disable-after=1");
    }
    if (service.equals("analytics-service")) {
      // Each instance keeps its engine's local state apart, as on separate machines.
      args.add(
          "--crossdesk.analytics.state-dir="
              + Path.of("target", "analytics-state", runId, instance.replace('#', '-'))
                  .toAbsolutePath());
    }
    if (service.equals("gateway-service")) {
      args.add(
          "--crossdesk.dev-token.private-key-location=file:" + TestKeys.get().privateKeyFile());
      args.add("--crossdesk.services.ticket-uri=" + url("ticket-service"));
      args.add("--crossdesk.services.workorder-uri=" + url("workorder-service"));
      args.add("--crossdesk.services.notification-uri=" + url("notification-service"));
      args.add("--crossdesk.services.analytics-uri=" + url("analytics-service"));
    }
    return JavaCommand.jar(instance.replace('#', '-'), jar.toAbsolutePath())
        .withJvmFlags(JVM_FLAGS.toArray(String[]::new))
        .withArgs(args.toArray(String[]::new));
  }

  private String url(String service) {
    return "http://127.0.0.1:" + ports.get(service);
  }

  /**
   * A free port below the range the system hands out to outgoing connections: a port from that
   * range, free when chosen, may be taken by any client's connection before the service binds it.
   */
  private static int freePort() {
    int below = ephemeralLow();
    for (int tries = 0; tries < 200; tries++) {
      int candidate = 10_000 + RANDOM.nextInt(below - 10_000);
      if (!HANDED_OUT.add(candidate)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket(candidate)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port below " + below);
  }

  /** The first port of the system's ephemeral range (Linux: ip_local_port_range), else 32768. */
  private static int ephemeralLow() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      int low = Integer.parseInt(range.split("\\s+")[0]);
      return low > 11_000 ? low : 32_768;
    } catch (IOException | RuntimeException unknown) {
      return 32_768;
    }
  }

  @Override
  public void close() {
    processes.values().parallelStream().forEach(ServiceProcess::close);
    spans.close();
  }
}
