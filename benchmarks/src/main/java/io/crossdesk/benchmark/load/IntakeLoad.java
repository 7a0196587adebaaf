package io.crossdesk.benchmark.load;

import io.crossdesk.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Open loop: intake requests at a fixed rate for the duration, each sent when it is due whatever
 * the system does, so a slow system builds a backlog instead of slowing the load down.
 */
public final class IntakeLoad {

  private final KafkaProducer<String, String> producer;
  private final IntakeRequests requests;
  private final String prefix;

  /** {@code prefix} makes the externalIds unique: the run and the phase. */
  public IntakeLoad(
      KafkaProducer<String, String> producer, IntakeRequests requests, String prefix) {
    this.producer = producer;
    this.requests = requests;
    this.prefix = prefix;
  }

  public LoadOutcome run(int ratePerSecond, Duration duration) {
    long total = ratePerSecond * duration.toMillis() / 1000;
    long interval = 1_000_000_000L / ratePerSecond;
    Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    AtomicLong acked = new AtomicLong();
    List<String> externalIds = new ArrayList<>();
    long behind = 0;
    long started = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = started + i * interval;
      long early = due - System.nanoTime();
      if (early > 0) {
        LockSupport.parkNanos(early);
      } else {
        behind = Math.max(behind, -early);
      }
      String externalId = prefix + "-" + i;
      externalIds.add(externalId);
      producer.send(
          requests.request(Topics.INTAKE, externalId),
          (metadata, failure) -> {
            if (failure == null) {
              acked.incrementAndGet();
            } else {
              errors
                  .computeIfAbsent(failure.getClass().getSimpleName(), k -> new LongAdder())
                  .increment();
            }
          });
    }
    producer.flush();
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
    return new LoadOutcome(
        total,
        acked.get(),
        errorCounts,
        List.of(),
        externalIds,
        Duration.ofNanos(System.nanoTime() - started),
        null,
        Duration.ofNanos(behind));
  }
}
