package io.crossdesk.benchmark.load;

import io.crossdesk.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Grows the store with real tickets, made by the system itself: intake requests as fast as the
 * system routes them, keeping at most {@code window} requests sent but not yet routed, so the fill
 * measures the system rather than burying it under a backlog.
 */
public final class FillLoad {

  private static final Duration PAUSE = Duration.ofMillis(20);

  private final KafkaProducer<String, String> producer;
  private final IntakeRequests requests;
  private final String prefix;
  private final LongSupplier routedSoFar;

  /** {@code routedSoFar} counts tickets routed since the run started, however opened. */
  public FillLoad(
      KafkaProducer<String, String> producer,
      IntakeRequests requests,
      String prefix,
      LongSupplier routedSoFar) {
    this.producer = producer;
    this.requests = requests;
    this.prefix = prefix;
    this.routedSoFar = routedSoFar;
  }

  /** Sends {@code tickets} requests, or as many as the timeout allows. */
  public LoadOutcome run(long tickets, int window, Duration timeout) {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    long routedBefore = routedSoFar.getAsLong();
    AtomicLong failed = new AtomicLong();
    List<String> externalIds = new ArrayList<>();
    for (long i = 0; i < tickets && System.nanoTime() < deadline; ) {
      long inFlight = i - (routedSoFar.getAsLong() - routedBefore);
      if (inFlight >= window) {
        producer.flush();
        StackClient.sleep(PAUSE);
        continue;
      }
      String externalId = prefix + "-" + i++;
      externalIds.add(externalId);
      producer.send(
          requests.request(Topics.INTAKE, externalId),
          (metadata, failure) -> {
            if (failure != null) {
              failed.incrementAndGet();
            }
          });
    }
    producer.flush();
    long sent = externalIds.size();
    return new LoadOutcome(
        sent,
        sent - failed.get(),
        failed.get() == 0 ? Map.of() : Map.of("produce failed", failed.get()),
        List.of(),
        externalIds,
        Duration.ofNanos(System.nanoTime() - started),
        null,
        Duration.ZERO);
  }
}
