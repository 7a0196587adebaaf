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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The six services as separate JVMs, built by this reactor, against the test Kafka broker and
 * MongoDB server, each with its own database, as the local stack runs them.
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
          "-XX:ReservedCodeCacheSize=64m");

  /** Service module to database name; the gateway has none. */
  private static final Map<String, String> DATABASES =
      Map.of(
          "customer-service", "customers",
          "ticket-service", "tickets",
          "workorder-service", "workorders",
          "notification-service", "notifications",
          "analytics-service", "analytics");

  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, ServiceProcess> processes = new ConcurrentHashMap<>();
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final Path logs;
  private final TestInfrastructure infrastructure = TestInfrastructure.get();

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
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (String service : ports.keySet()) {
      all.add(CompletableFuture.runAsync(() -> startAndAwait(service)));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    log.info(
        "Crossdesk system under test: six services up in {} s (logs in {})",
        (System.nanoTime() - started) / 1_000_000_000,
        logs.toAbsolutePath());
    return this;
  }

  void startAndAwait(String service) {
    ServiceProcess process = ServiceProcess.start(command(service), logs.resolve(service + ".log"));
    processes.put(service, process);
    process.awaitHealthy(Probes.actuatorHealth(ports.get(service)), START_TIMEOUT);
  }

  /** Crashes a service as kill -9 would: no shutdown hooks, no offset commits. */
  void kill(String service) {
    processes.get(service).kill();
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

  private JavaCommand command(String service) {
    Path jar = Path.of("..", service, "target", service + "-0.1.0-SNAPSHOT-exec.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run ./mvnw verify");
    }
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + ports.get(service));
    args.add("--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers());
    args.add("--crossdesk.security.public-key-location=file:" + TestKeys.get().publicKeyFile());
    args.add("--crossdesk.outbox.poll-interval=200ms");
    // A short lease, so a killed service's unpublished events are taken over within seconds; the
    // producer's time limits stay below it, as the relay requires.
    args.add("--crossdesk.outbox.lease=8s");
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
    if (service.equals("gateway-service")) {
      args.add("--spring.profiles.active=local");
      args.add(
          "--crossdesk.dev-token.private-key-location=file:" + TestKeys.get().privateKeyFile());
      args.add("--crossdesk.services.ticket-uri=" + url("ticket-service"));
      args.add("--crossdesk.services.workorder-uri=" + url("workorder-service"));
      args.add("--crossdesk.services.notification-uri=" + url("notification-service"));
      args.add("--crossdesk.services.analytics-uri=" + url("analytics-service"));
    }
    return JavaCommand.jar(service, jar.toAbsolutePath())
        .withJvmFlags(JVM_FLAGS.toArray(String[]::new))
        .withArgs(args.toArray(String[]::new));
  }

  private String url(String service) {
    return "http://127.0.0.1:" + ports.get(service);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    processes.values().parallelStream().forEach(ServiceProcess::close);
  }
}
