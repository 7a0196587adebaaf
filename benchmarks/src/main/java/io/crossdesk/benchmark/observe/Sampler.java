package io.crossdesk.benchmark.observe;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples, for the phase under way, the resident memory of each process every second and the outbox
 * backlog of each service every five; at the phase's ends it also reads CPU times and the MongoDB
 * driver's command counts, whose differences are the phase's cost.
 */
public final class Sampler implements AutoCloseable {

  /**
   * How often the services' metrics are read between a phase's ends: as often as the outbox gauge
   * changes. A scrape costs a service some milliseconds of CPU, which a phase would count as the
   * tickets' cost.
   */
  private static final int SCRAPE_EVERY_SECONDS = 5;

  private final ServiceMetrics metrics;
  private final Map<String, Long> pids;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "sampler");
            thread.setDaemon(true);
            return thread;
          });
  private Map<String, Double> outboxAtStart = Map.of();
  private final Map<String, Double> outboxMax = new TreeMap<>();
  private final Map<String, Double> outboxLast = new TreeMap<>();
  private final Map<String, Long> rssMax = new TreeMap<>();
  private Map<String, Long> cpuAtStart = Map.of();
  private long seconds;
  private Map<String, Map<String, Long>> commandsAtStart = Map.of();

  /** {@code pids}: component name to process id. */
  public Sampler(ServiceMetrics metrics, Map<String, Long> pids) {
    this.metrics = metrics;
    this.pids = new ConcurrentHashMap<>(pids);
  }

  /**
   * Measures one more instance from the next phase on (a replica the benchmark started): its
   * process's CPU and memory, and its metrics at {@code base}.
   */
  public void watch(String name, long pid, URI base) {
    pids.put(name, pid);
    metrics.watch(name, base);
  }

  public void start() {
    executor.scheduleWithFixedDelay(this::sample, 1, 1, TimeUnit.SECONDS);
  }

  public void begin() {
    Map<String, PrometheusText> scraped = metrics.scrape();
    Map<String, Long> cpu = cpuTicks();
    synchronized (this) {
      outboxMax.clear();
      outboxLast.clear();
      rssMax.clear();
      record(scraped);
      outboxAtStart = new TreeMap<>(outboxLast);
      cpuAtStart = cpu;
      commandsAtStart = commands(scraped);
    }
    sampleMemory();
  }

  public PhaseObservation end() {
    Map<String, PrometheusText> scraped = metrics.scrape();
    Map<String, Long> cpu = cpuTicks();
    sampleMemory();
    synchronized (this) {
      record(scraped);
      Map<String, Double> cpuSeconds = new TreeMap<>();
      cpu.forEach(
          (name, ticks) ->
              cpuSeconds.put(
                  name, ProcessProbe.seconds(ticks - cpuAtStart.getOrDefault(name, ticks))));
      return new PhaseObservation(
          outboxAtStart,
          new TreeMap<>(outboxMax),
          new TreeMap<>(outboxLast),
          cpuSeconds,
          new TreeMap<>(rssMax),
          delta(commandsAtStart, commands(scraped)));
    }
  }

  private void sample() {
    if (++seconds % SCRAPE_EVERY_SECONDS == 0) {
      Map<String, PrometheusText> scraped = metrics.scrape();
      synchronized (this) {
        record(scraped);
      }
    }
    sampleMemory();
  }

  private void record(Map<String, PrometheusText> scraped) {
    scraped.forEach(
        (service, text) -> {
          if (text.hasOutbox()) {
            outboxLast.put(service, text.outboxPending());
            outboxMax.merge(service, text.outboxPending(), Math::max);
          }
        });
  }

  private void sampleMemory() {
    Map<String, Long> rss = new TreeMap<>();
    pids.forEach((name, pid) -> ProcessProbe.rssKib(pid).ifPresent(kib -> rss.put(name, kib)));
    synchronized (this) {
      rss.forEach((name, kib) -> rssMax.merge(name, kib, Math::max));
    }
  }

  private Map<String, Long> cpuTicks() {
    Map<String, Long> ticks = new TreeMap<>();
    pids.forEach((name, pid) -> ProcessProbe.cpuTicks(pid).ifPresent(t -> ticks.put(name, t)));
    return ticks;
  }

  private static Map<String, Map<String, Long>> commands(Map<String, PrometheusText> scraped) {
    Map<String, Map<String, Long>> commands = new TreeMap<>();
    scraped.forEach((service, text) -> commands.put(service, text.commands()));
    return commands;
  }

  /** A counter lower than before means the service restarted: count from zero then. */
  private static Map<String, Map<String, Long>> delta(
      Map<String, Map<String, Long>> before, Map<String, Map<String, Long>> after) {
    Map<String, Map<String, Long>> delta = new TreeMap<>();
    after.forEach(
        (service, counts) -> {
          Map<String, Long> earlier = before.getOrDefault(service, Map.of());
          Map<String, Long> spent = new TreeMap<>();
          counts.forEach(
              (command, count) -> {
                long previous = earlier.getOrDefault(command, 0L);
                long used = count >= previous ? count - previous : count;
                if (used > 0) {
                  spent.put(command, used);
                }
              });
          delta.put(service, spent);
        });
    return delta;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
