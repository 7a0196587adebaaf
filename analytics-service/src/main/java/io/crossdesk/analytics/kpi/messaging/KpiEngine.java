package io.crossdesk.analytics.kpi.messaging;

import io.crossdesk.analytics.kpi.application.AnalyticsProperties;
import io.crossdesk.analytics.kpi.persistence.GenerationStore;
import io.crossdesk.analytics.kpi.persistence.GenerationStore.Generations;
import io.crossdesk.analytics.kpi.persistence.KpiBucketStore;
import io.crossdesk.platform.events.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the engine of the served generation of the figures and, during a rebuild, the engine of the
 * generation being built beside it, which reads the topics from their beginning. Every instance
 * looks at the stored generations every {@link #RECONCILE_EVERY} and runs the engines they name.
 * Once the generation being built has processed every event the topics held (no lag) at two looks
 * in a row, the instance that sees it first serves it, in a conditional update; every instance then
 * stops the old engine, and the one that switched deletes the old generation's copies and internal
 * topics.
 */
@Component
class KpiEngine implements SmartLifecycle {

  static final Duration RECONCILE_EVERY = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(KpiEngine.class);

  private record Running(KafkaStreams streams, KafkaStreamsMetrics metrics) {}

  private final KpiTopology topology;
  private final GenerationStore generations;
  private final KpiBucketStore copies;
  private final MeterRegistry meters;
  private final String bootstrapServers;
  private final Clock clock;
  private final Map<Integer, Running> running = new ConcurrentHashMap<>();
  private final Map<Integer, Boolean> caughtUpBefore = new HashMap<>();
  private volatile ScheduledExecutorService reconciler;
  private volatile Admin admin;

  KpiEngine(
      AnalyticsProperties properties,
      @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
      JsonMapper json,
      KpiBucketStore copies,
      GenerationStore generations,
      MeterRegistry meters,
      Clock clock,
      Traces traces) {
    Timer visibleAfter =
        Timer.builder("crossdesk.analytics.kpi.visible")
            .description(
                "From an event's publication to its figures showing in the API (the copy of its"
                    + " buckets to MongoDB)")
            .publishPercentiles(0.5, 0.99)
            .publishPercentileHistogram()
            .register(meters);
    this.topology =
        new KpiTopology(properties, bootstrapServers, json, copies, visibleAfter, traces);
    this.generations = generations;
    this.copies = copies;
    this.meters = meters;
    this.bootstrapServers = bootstrapServers;
    this.clock = clock;
  }

  @Override
  public void start() {
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    reconcile();
    ScheduledExecutorService looks =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "kpi-generations");
              thread.setDaemon(true);
              return thread;
            });
    looks.scheduleWithFixedDelay(
        this::reconcileQuietly,
        RECONCILE_EVERY.toMillis(),
        RECONCILE_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    reconciler = looks;
  }

  @Override
  public void stop() {
    ScheduledExecutorService looks = reconciler;
    if (looks != null) {
      looks.shutdownNow();
      reconciler = null;
    }
    Set.copyOf(running.keySet()).forEach(generation -> stopGeneration(generation, false));
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
  }

  @Override
  public boolean isRunning() {
    return reconciler != null;
  }

  private void reconcileQuietly() {
    try {
      reconcile();
    } catch (RuntimeException failed) {
      log.warn("Could not look at the KPI generations; trying again: {}", failed.toString());
    }
  }

  private synchronized void reconcile() {
    Generations now = generations.current();
    Set<Integer> wanted =
        now.building() == null ? Set.of(now.served()) : Set.of(now.served(), now.building());
    for (int generation : wanted) {
      if (!running.containsKey(generation)) {
        startGeneration(generation);
      }
    }
    for (int generation : Set.copyOf(running.keySet())) {
      if (!wanted.contains(generation)) {
        stopGeneration(generation, true);
      }
    }
    if (now.building() != null) {
      int building = now.building();
      boolean caughtUp = caughtUp(building);
      if (caughtUp && caughtUpBefore.getOrDefault(building, false)) {
        if (generations.finishRebuild(building, clock.instant())) {
          log.info("KPI generation {} caught up and is served; {} retires", building, now.served());
          stopGeneration(now.served(), true);
          retire(now.served());
        }
      }
      caughtUpBefore.put(building, caughtUp);
    }
  }

  private void startGeneration(int generation) {
    KafkaStreams engine =
        new KafkaStreams(topology.build(generation), topology.configuration(generation));
    engine.setUncaughtExceptionHandler(
        failure -> {
          log.error("A KPI engine thread failed; it is replaced and resumes", failure);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(engine);
    metrics.bindTo(meters);
    engine.start();
    running.put(generation, new Running(engine, metrics));
    log.info("KPI engine of generation {} started", generation);
  }

  private void stopGeneration(int generation, boolean forget) {
    Running engine = running.remove(generation);
    if (engine == null) {
      return;
    }
    engine.streams().close(Duration.ofSeconds(30));
    engine.metrics().close();
    if (forget) {
      // The generation will not run here again: its local state goes too.
      engine.streams().cleanUp();
    }
    log.info("KPI engine of generation {} stopped", generation);
  }

  /** Whether the generation has processed every event its input topics hold now. */
  private boolean caughtUp(int generation) {
    Running engine = running.get(generation);
    if (engine == null || engine.streams().state() != KafkaStreams.State.RUNNING) {
      return false;
    }
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(topology.applicationId(generation))
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      admin
          .describeTopics(KpiSource.ALL.stream().map(KpiSource::topic).toList())
          .allTopicNames()
          .get(5, TimeUnit.SECONDS)
          .forEach(
              (topic, description) ->
                  description
                      .partitions()
                      .forEach(
                          partition ->
                              ends.put(
                                  new TopicPartition(topic, partition.partition()),
                                  OffsetSpec.latest())));
      var latest = admin.listOffsets(ends).all().get(5, TimeUnit.SECONDS);
      for (TopicPartition partition : ends.keySet()) {
        long end = latest.get(partition).offset();
        OffsetAndMetadata at = committed.get(partition);
        if (end > (at == null ? 0 : at.offset())) {
          return false;
        }
      }
      return true;
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException failed) {
      log.warn("Could not measure the lag of KPI generation {}: {}", generation, failed.toString());
      return false;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Deletes what a retired generation left: its copies and its internal topics. */
  private void retire(int generation) {
    try {
      copies.deleteGeneration(generation);
      String prefix = topology.applicationId(generation) + "-";
      List<String> internal =
          admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
              .filter(name -> name.startsWith(prefix))
              .toList();
      admin.deleteTopics(internal).all().get(30, TimeUnit.SECONDS);
      // Its consumer group, empty now, expires with the broker's offsets retention.
    } catch (Exception leftBehind) {
      log.warn(
          "What KPI generation {} left could not all be deleted: {}",
          generation,
          leftBehind.toString());
    }
  }

  /** Whether the engine of the served generation runs here (for health). */
  boolean serving() {
    Running engine = running.get(generations.current().served());
    return engine != null && engine.streams().state().isRunningOrRebalancing();
  }
}
