package io.crossdesk.benchmark;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.crossdesk.benchmark.PhaseRunner.PhaseRun;
import io.crossdesk.benchmark.baseline.KafkaBaseline;
import io.crossdesk.benchmark.baseline.Recording;
import io.crossdesk.benchmark.baseline.StoreBaseline;
import io.crossdesk.benchmark.baseline.StoreRecorder;
import io.crossdesk.benchmark.baseline.StoreReplay;
import io.crossdesk.benchmark.load.FillLoad;
import io.crossdesk.benchmark.load.IntakeRequests;
import io.crossdesk.benchmark.load.KafkaClients;
import io.crossdesk.benchmark.load.StackClient;
import io.crossdesk.benchmark.observe.EventTracker;
import io.crossdesk.benchmark.observe.Sampler;
import io.crossdesk.benchmark.observe.ServiceMetrics;
import io.crossdesk.benchmark.observe.StoreSize;
import io.crossdesk.benchmark.observe.TicketOutcomes;
import io.crossdesk.benchmark.result.BaselineResult;
import io.crossdesk.benchmark.result.BenchmarkResult;
import io.crossdesk.benchmark.result.CountCheck;
import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreReplayResult;
import io.crossdesk.contracts.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.bson.Document;

/**
 * One run against a running Crossdesk: the Kafka baseline, a phase during which the store records
 * the services' commands, the measured phases on the store as it is, a fill that grows the store,
 * the phases again, the count check, and the store alone replaying what it recorded.
 */
public final class Benchmark {

  /** Requests a fill keeps sent but not yet routed. */
  private static final int FILL_WINDOW = 500;

  private static final Duration CUSTOMER_KNOWN_TIMEOUT = Duration.ofSeconds(60);

  /** The broker alone in the sustained mode: a reference for the ratios, not a measurement. */
  private static final Duration BROKER_LEG = Duration.ofSeconds(10);

  /** Plain inserts beside the replay, for reference: enough to see the store's pace. */
  private static final Duration MAX_RAW_LEG = Duration.ofSeconds(10);

  /** The round of the full mode's recorded phase. */
  static final String RECORDING_ROUND = "Store recording";

  private static final Duration STORE_ANSWER_TIMEOUT = Duration.ofSeconds(5);

  /** The longest the scale-out mode waits for a backlog to drain before a measured phase. */
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

  /** How long a second instance may take to start on a machine under load. */
  private static final Duration REPLICA_START = Duration.ofMinutes(3);

  private final BenchOptions options;
  private final PrintStream progress;
  private final String runId =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
  private final List<PhaseRun> runs = new ArrayList<>();
  private final RunRecord record;

  /** {@code progress}: where one line per step goes (standard error on the command line). */
  public Benchmark(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
    this.record = new RunRecord(runId, optionsSummary(options));
  }

  public String runId() {
    return runId;
  }

  /** What the run has measured so far; complete once {@link #run} returned. */
  public BenchmarkResult soFar() {
    return record.soFar();
  }

  public BenchmarkResult run() {
    StackClient stack = new StackClient(options.gateway(), options.ticketService());
    String token = stack.agentToken();
    String customerId = stack.registerCustomer(token);
    // One agent per REST connection, as at a desk; made only for the rounds that use them.
    Supplier<List<String>> agents = () -> stack.agentTokens(options.connections());
    IntakeRequests requests = new IntakeRequests(customerId);
    Map<String, Long> pids = new TreeMap<>(options.pids());
    pids.put(PhaseFigures.LOAD_GENERATOR, ProcessHandle.current().pid());
    String bootstrap = options.bootstrapServers();
    try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap);
        EventTracker tracker = EventTracker.start(bootstrap, "crossdesk-benchmark-" + runId);
        Sampler sampler = new Sampler(new ServiceMetrics(options.services()), pids);
        StoreSize store = new StoreSize(bootstrap);
        MongoClient storeClient = storeClient()) {
      awaitCustomerKnownToIntake(stack, token, producer, requests);
      StoreRecorder recorder = new StoreRecorder(storeClient);
      boolean records = recorder.available();
      if (!records) {
        progress.printf("[bench] no store-alone replay: %s%n", recorder.whyNot());
      }
      sampler.start();
      if (options.sustained()) {
        return sustained(
            producer, tracker, sampler, store, agents, customerId, requests, storeClient, records);
      }
      if (options.scaleOut()) {
        return scaleOut(producer, tracker, sampler, store, agents, customerId, requests);
      }
      progress.printf("[bench] Kafka alone: %d s ...%n", options.duration().toSeconds());
      BaselineResult kafkaAlone =
          new KafkaBaseline(bootstrap, requests.request("baseline", "baseline"), runId)
              .run(options.rate(), options.duration());
      record.kafkaAlone(kafkaAlone);
      PhaseRunner runner = new PhaseRunner(tracker, sampler, kafkaAlone, progress);
      Phases phases = new Phases(options, agents, customerId, producer, requests, runId);
      Recorded recorded = null;
      if (records) {
        record.roundStarted(RECORDING_ROUND, store.tickets());
        PhaseSpec spec =
            phases.intakeAt("recorded", "recorded", options.recordRate(), options.duration());
        recorded = recorded(recorder, RECORDING_ROUND, spec, runner);
        record.roundDone(store.tickets());
      }
      round("Round 1", "r1", runner, phases, store);
      if (options.fills()) {
        long fillTarget = Math.round((options.fillFactor() - 1) * store.tickets());
        FillLoad load = new FillLoad(producer, requests, runId + "-fill", tracker::routedTotal);
        long target = fillTarget;
        PhaseRun run =
            runner.run(
                "Before round 2",
                PhaseSpec.within(
                    "Fill",
                    "fill",
                    String.format(
                        Locale.ROOT,
                        "%,d intake requests, at most %d unrouted at a time",
                        target,
                        FILL_WINDOW),
                    () -> load.run(target, FILL_WINDOW, options.fillTimeout()),
                    options.fillTimeout()));
        runs.add(run);
        record.fill(run.result(), fillTarget);
        round("Round 2", "r2", runner, phases, store);
      }
      CountCheck countCheck = countCheck(runner, tracker);
      storeAlone(storeClient, recorded);
      return record.finish(countCheck);
    }
  }

  /**
   * The sustained mode: the broker alone briefly (the ratios' reference), a warm-up at the first
   * rate, then each rate in turn until one is not held; the store records the services' commands
   * during the first rate and replays them alone after the count check.
   */
  private BenchmarkResult sustained(
      KafkaProducer<String, String> producer,
      EventTracker tracker,
      Sampler sampler,
      StoreSize store,
      Supplier<List<String>> agents,
      String customerId,
      IntakeRequests requests,
      MongoClient storeClient,
      boolean records) {
    int first = options.rates().get(0);
    Phases phases = new Phases(options, agents, customerId, producer, requests, runId);
    PhaseRunner runner = brokerAloneThenWarmUp(first, tracker, sampler, store, requests, phases);
    record.roundStarted(Sustained.ROUND, store.tickets());
    Recorded recorded = null;
    boolean recordNext = records;
    for (int rate : options.rates()) {
      PhaseSpec spec =
          phases.intakeAt(Sustained.KIND, "sustained-" + rate, rate, options.duration());
      PhaseRun run;
      if (recordNext) {
        recordNext = false;
        recorded = recorded(new StoreRecorder(storeClient), Sustained.ROUND, spec, runner);
        run = runs.get(runs.size() - 1);
      } else {
        run = runner.run(Sustained.ROUND, spec);
        runs.add(run);
        record.phaseDone(run.result());
      }
      if (!Sustained.held(run.result())) {
        break;
      }
    }
    record.roundDone(store.tickets());
    CountCheck countCheck = countCheck(runner, tracker);
    storeAlone(storeClient, recorded);
    return record.finish(countCheck);
  }

  /**
   * The sustained and scale-out modes' start: the broker alone for at most 10 s (the ratios'
   * reference), then intake at {@code rate} for {@code --warmup}, reported as a round of its own.
   */
  private PhaseRunner brokerAloneThenWarmUp(
      int rate,
      EventTracker tracker,
      Sampler sampler,
      StoreSize store,
      IntakeRequests requests,
      Phases phases) {
    Duration brokerLeg =
        options.duration().compareTo(BROKER_LEG) < 0 ? options.duration() : BROKER_LEG;
    progress.printf("[bench] Kafka alone: %d s ...%n", brokerLeg.toSeconds());
    BaselineResult kafkaAlone =
        new KafkaBaseline(
                options.bootstrapServers(), requests.request("baseline", "baseline"), runId)
            .run(rate, brokerLeg);
    record.kafkaAlone(kafkaAlone);
    PhaseRunner runner = new PhaseRunner(tracker, sampler, kafkaAlone, progress);
    record.roundStarted(Sustained.WARM_UP, store.tickets());
    PhaseRun warmUp =
        runner.run(
            Sustained.WARM_UP, phases.intakeAt("warm-up", "warm-up", rate, options.warmup()));
    runs.add(warmUp);
    record.phaseDone(warmUp.result());
    record.roundDone(store.tickets());
    return runner;
  }

  /**
   * The scale-out mode: the broker alone briefly, a warm-up, intake at {@code rate} with one
   * instance of every service, then a second instance of the busiest service (or the one named),
   * warmed up, and the same intake again; the report gives the ratio of the two.
   */
  private BenchmarkResult scaleOut(
      KafkaProducer<String, String> producer,
      EventTracker tracker,
      Sampler sampler,
      StoreSize store,
      Supplier<List<String>> agents,
      String customerId,
      IntakeRequests requests) {
    int rate = options.rate();
    Phases phases = new Phases(options, agents, customerId, producer, requests, runId);
    PhaseRunner runner = brokerAloneThenWarmUp(rate, tracker, sampler, store, requests, phases);

    settle(tracker);
    record.roundStarted(ScaleOut.ONE, store.tickets());
    PhaseRun one =
        runner.run(
            ScaleOut.ONE, phases.intakeAt(ScaleOut.KIND, "one-instance", rate, options.duration()));
    runs.add(one);
    record.phaseDone(one.result());
    record.roundDone(store.tickets());

    String service =
        BenchOptions.BUSIEST.equals(options.scaleService())
            ? ScaleOut.busiest(one.result(), options.pids().keySet())
            : options.scaleService();
    Long pid = options.pids().get(service);
    if (pid == null) {
      throw new IllegalArgumentException(
          "no process of " + service + " to copy; known: " + options.pids().keySet());
    }
    progress.printf("[bench] starting a second %s ...%n", service);
    try (Replica replica =
        Replica.of(service, pid, options.results().resolve("replicas"), REPLICA_START)) {
      sampler.watch(replica.name(), replica.pid(), replica.url());
      String round = ScaleOut.twoOf(service);
      record.roundStarted(round, store.tickets());
      PhaseRun settle =
          runner.run(
              "Warm-up of the second " + service,
              phases.intakeAt("warm-up", "replica-warm-up", rate, options.warmup()));
      runs.add(settle);
      record.phaseDone(settle.result());
      settle(tracker);
      PhaseRun two =
          runner.run(
              round, phases.intakeAt(ScaleOut.KIND, "two-instances", rate, options.duration()));
      runs.add(two);
      record.phaseDone(two.result());
      record.roundDone(store.tickets());
      progress.printf("[bench] %s%n", ScaleOut.summary(service, one.result(), two.result()));
    }
    CountCheck countCheck = countCheck(runner, tracker);
    return record.finish(countCheck);
  }

  /**
   * Waits until every ticket sent so far is routed (at most {@link #SETTLE_TIMEOUT}), so that a
   * measured phase starts without an earlier phase's backlog.
   */
  private void settle(EventTracker tracker) {
    long sent = runs.stream().mapToLong(run -> run.result().traffic().accepted()).sum();
    long started = System.nanoTime();
    long deadline = started + SETTLE_TIMEOUT.toNanos();
    while (tracker.routedTotal() < sent && System.nanoTime() < deadline) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    progress.printf(
        "[bench] backlog drained in %d s (%d of %d routed)%n",
        (System.nanoTime() - started) / 1_000_000_000, tracker.routedTotal(), sent);
  }

  /**
   * Only the store alone ({@code --store-only --replay FILE}): a recording replayed on a store that
   * needs no services, no count check.
   */
  public BenchmarkResult runStoreOnly() {
    try (MongoClient storeClient = storeClient()) {
      record.storeAlone(storeAlone(storeClient, options.replay(), null));
    }
    return record.soFar();
  }

  /** A recording of the services' commands, and the phase it was made during. */
  private record Recorded(Path file, String during) {}

  /**
   * Runs {@code spec} while the store records every command the services send, starting from a
   * snapshot of what it holds, and adds it to the run's phases. Null when the store refused to
   * record; the phase then runs all the same.
   */
  private Recorded recorded(
      StoreRecorder recorder, String round, PhaseSpec spec, PhaseRunner runner) {
    Path file = options.results().toAbsolutePath().resolve("bench-" + runId + "-store.bson");
    boolean recording;
    try {
      Files.createDirectories(file.getParent());
      Document started = recorder.start(file, true);
      progress.printf(
          "[bench] the store records the services' commands into %s (snapshot: %s documents)%n",
          file, started.get("snapshotDocuments"));
      recording = true;
    } catch (IOException | RuntimeException e) {
      progress.printf("[bench] the store does not record: %s%n", e.getMessage());
      recording = false;
    }
    // Stopped half-way (SIGTERM, Ctrl-C), the run still stops the store's recording.
    Thread stopOnExit = new Thread(() -> stopQuietly(recorder), "stop-store-recording");
    if (recording) {
      Runtime.getRuntime().addShutdownHook(stopOnExit);
    }
    PhaseRun run;
    try {
      run = runner.run(round, spec);
    } finally {
      if (recording) {
        removeHook(stopOnExit);
        try {
          Document stopped = recorder.stop();
          progress.printf(
              "[bench]   recorded %s commands (not recorded: %s)%n",
              stopped.get("commands"), stopped.get("skipped"));
        } catch (RuntimeException e) {
          progress.printf("[bench]   the recording failed: %s%n", e.getMessage());
          recording = false;
        }
      }
    }
    runs.add(run);
    record.phaseDone(run.result());
    return recording ? new Recorded(file, round + ": " + spec.name()) : null;
  }

  private static void stopQuietly(StoreRecorder recorder) {
    try {
      recorder.stop();
    } catch (RuntimeException e) {
      // Exiting anyway: the store ends the recording when it stops, at the latest.
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs, or ran, already.
    }
  }

  /** After the chain: the recording replayed alone on the same store, if there is one. */
  private void storeAlone(MongoClient storeClient, Recorded recorded) {
    if (recorded == null) {
      return;
    }
    try {
      record.storeAlone(storeAlone(storeClient, recorded.file(), recorded.during()));
    } catch (RuntimeException e) {
      progress.printf("[bench] the store alone failed: %s%n", e);
    }
  }

  private StoreBaselineResult storeAlone(MongoClient storeClient, Path file, String during) {
    progress.printf(
        "[bench] the store alone (%s): the recording %s, %d threads ...%n",
        options.mongo(), file, options.replayThreads());
    Long storePid = options.pids().get(StoreComparisons.STORE);
    StoreReplayResult replay =
        new StoreReplay(storeClient, runId, storePid, progress)
            .run(Recording.read(file), options.replayThreads(), during);
    progress.printf(
        "[bench]   %d commands in %.1f s: %.0f commands/s, %s tickets/s for the services'"
            + " commands (%s store CPU ms each); %d answered differently than recorded%n",
        replay.commands(),
        replay.seconds(),
        replay.commandsPerSecond(),
        replay.ticketsPerSecond() == null
            ? "n/a"
            : String.format(Locale.ROOT, "%.1f", replay.ticketsPerSecond()),
        replay.storeCpuMillisPerTicket() == null
            ? "n/a"
            : String.format(Locale.ROOT, "%.1f", replay.storeCpuMillisPerTicket()),
        replay.answeredDifferentlyTotal());
    Duration raw = options.duration().compareTo(MAX_RAW_LEG) < 0 ? options.duration() : MAX_RAW_LEG;
    StoreBaselineResult result =
        new StoreBaseline(storeClient, runId, storePid, progress).run(replay, raw);
    progress.printf(
        "[bench]   %.0f single inserts/s, %.0f bulk-inserted documents/s%n",
        result.singleInserts().documentsPerSecond(), result.bulkInserts().documentsPerSecond());
    return result;
  }

  private MongoClient storeClient() {
    return MongoClients.create(
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(options.mongo()))
            .applyToClusterSettings(
                cluster ->
                    cluster.serverSelectionTimeout(
                        STORE_ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
            .build());
  }

  private void round(String name, String tag, PhaseRunner runner, Phases phases, StoreSize store) {
    record.roundStarted(name, store.tickets());
    for (PhaseSpec spec : phases.round(tag)) {
      PhaseRun run = runner.run(name, spec);
      runs.add(run);
      record.phaseDone(run.result());
    }
    record.roundDone(store.tickets());
  }

  /** One last drain for everything still on its way, then every ticket of the run is counted. */
  private CountCheck countCheck(PhaseRunner runner, EventTracker tracker) {
    List<String> ticketIds = new ArrayList<>();
    List<String> externalIds = new ArrayList<>();
    for (PhaseRun run : runs) {
      ticketIds.addAll(run.ticketIds());
      externalIds.addAll(run.externalIds());
    }
    progress.printf(
        "[bench] count check of %d tickets ...%n", ticketIds.size() + externalIds.size());
    TicketOutcomes all =
        runner.awaitRouted(ticketIds, externalIds, Instant.now().plus(options.drainTimeout()));
    return new CountCheck(
        all.expected(),
        all.opened(),
        all.routed() - all.routedTwice(),
        all.notOpened(),
        all.unrouted(),
        all.openedTwice(),
        all.routedTwice(),
        all.requestOpenedTwice(),
        tracker.duplicateDeliveries(),
        all.complete() && all.duplicateEffects() == 0);
  }

  /**
   * Intake has no user token to look a customer up with, so it relies on ticket-service's
   * projection of CustomerRegistered: wait until an intake request for the new customer opens.
   */
  private void awaitCustomerKnownToIntake(
      StackClient stack,
      String token,
      KafkaProducer<String, String> producer,
      IntakeRequests requests) {
    String probe = runId + "-probe";
    try {
      producer.send(requests.request(Topics.INTAKE, probe)).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish to " + Topics.INTAKE, e);
    }
    if (!stack.intakeOpened(probe, token, CUSTOMER_KNOWN_TIMEOUT)) {
      throw new IllegalStateException(
          "ticket-service opened no ticket for intake request "
              + probe
              + " within "
              + CUSTOMER_KNOWN_TIMEOUT.toSeconds()
              + " s");
    }
  }

  private static Map<String, String> optionsSummary(BenchOptions options) {
    Map<String, String> summary = new TreeMap<>();
    String mode =
        options.storeOnly()
            ? "store-only"
            : options.sustained() ? "sustained" : options.scaleOut() ? "scale-out" : "full";
    summary.put("mode", options.quick() && !options.storeOnly() ? "quick " + mode : mode);
    summary.put("replayThreads", Integer.toString(options.replayThreads()));
    if (options.storeOnly()) {
      summary.put("replay", options.replay().toString());
    } else if (options.sustained()) {
      summary.put("rates", options.rates().toString());
      summary.put("warmup", options.warmup().toSeconds() + " s");
    } else if (options.scaleOut()) {
      summary.put("rate", Integer.toString(options.rate()));
      summary.put("scaleService", options.scaleService());
      summary.put("warmup", options.warmup().toSeconds() + " s");
    } else {
      summary.put("recordRate", Integer.toString(options.recordRate()));
      summary.put("rate", Integer.toString(options.rate()));
      summary.put("connections", Integer.toString(options.connections()));
      summary.put("fillFactor", Double.toString(options.fillFactor()));
      summary.put("fillTimeout", options.fillTimeout().toSeconds() + " s");
    }
    // The settings in force: figures from JVMs with other flags are not comparable.
    options.pids().forEach((component, pid) -> summary.put("jvm " + component, jvmFlags(pid)));
    summary.put("duration", options.duration().toMillis() / 1000.0 + " s");
    summary.put("drainTimeout", options.drainTimeout().toSeconds() + " s");
    summary.put("gateway", options.gateway().toString());
    summary.put("ticketService", options.ticketService().toString());
    summary.put("bootstrapServers", options.bootstrapServers());
    summary.put("mongo", options.mongo());
    return summary;
  }

  /** The -X and -XX flags a component's JVM runs with, from its command line. */
  static String jvmFlags(long pid) {
    try {
      String[] args =
          Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\u0000");
      return Arrays.stream(args)
          .filter(arg -> arg.startsWith("-X"))
          .collect(Collectors.joining(" "));
    } catch (IOException | RuntimeException unreadable) {
      return "unknown";
    }
  }
}
