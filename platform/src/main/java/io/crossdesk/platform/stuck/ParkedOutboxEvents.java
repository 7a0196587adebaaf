package io.crossdesk.platform.stuck;

import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.outbox.OutboxEntries;
import io.crossdesk.platform.outbox.ParkedEvents;
import io.crossdesk.platform.outbox.ParkedEvents.ParkedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/** Events the outbox relay parked after its retries; a retry publishes the event once more. */
public class ParkedOutboxEvents implements StuckWork {

  static final String KIND = "outbox-event";

  private final ParkedEvents parked;
  private final KafkaTemplate<String, String> kafka;

  public ParkedOutboxEvents(ParkedEvents parked, KafkaTemplate<String, String> kafka) {
    this.parked = parked;
    this.kafka = kafka;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<StuckItem> list(int limit) {
    return parked.list(limit).stream().map(ParkedOutboxEvents::item).toList();
  }

  /**
   * The event leaves the parking place only when the broker took it.
   *
   * @throws RetryFailedException when it cannot be read or the broker refuses it
   */
  @Override
  public Optional<StuckItem> retry(String eventId) {
    Optional<ParkedEvent> found = parked.find(eventId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ParkedEvent event = found.get();
    try {
      kafka
          .send(CloudEventsBinding.toRecord(OutboxEntries.read(event.event())))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryFailedException("interrupted while publishing " + eventId, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new RetryFailedException(
          "Kafka refused parked event " + eventId + ": " + cause.getMessage(), cause);
    }
    parked.remove(eventId);
    return Optional.of(item(event));
  }

  private static StuckItem item(ParkedEvent event) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("topic", event.topic());
    details.put("type", event.type());
    details.put("collection", event.collection());
    details.put("aggregateId", event.aggregateId());
    return new StuckItem(
        KIND,
        event.eventId(),
        event.type() + " of " + event.collection() + " " + event.aggregateId(),
        event.reason(),
        event.parkedAt(),
        event.attempts(),
        details);
  }
}
