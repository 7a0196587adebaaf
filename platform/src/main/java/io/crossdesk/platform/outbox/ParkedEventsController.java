package io.crossdesk.platform.outbox;

import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.ParkedEvents.ParkedEvent;
import io.crossdesk.platform.web.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The events this service's outbox relay parked. Through the gateway: {@code
 * /api/admin/<service>/outbox/parked}.
 */
@RestController
@RequestMapping("/api/admin/outbox/parked")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
public class ParkedEventsController {

  private final ParkedEvents parked;
  private final KafkaTemplate<String, String> kafka;
  private final MongoTemplate mongo;

  public ParkedEventsController(
      ParkedEvents parked, KafkaTemplate<String, String> kafka, MongoTemplate mongo) {
    this.parked = parked;
    this.kafka = kafka;
    this.mongo = mongo;
  }

  @GetMapping
  public List<ParkedEvent> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return parked.list(limit);
  }

  /**
   * Tries to publish a parked event again (after its cause was mended, e.g. a topic created or a
   * size limit raised); it leaves the parking place only when the broker took it.
   */
  @PostMapping("/{eventId}/republish")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public ParkedEvent republish(@PathVariable String eventId) {
    ParkedEvent event =
        parked.find(eventId).orElseThrow(() -> new NotFoundException("No parked event " + eventId));
    EventMessage message;
    try {
      message = mongo.getConverter().read(EventMessage.class, event.event());
    } catch (RuntimeException unreadable) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "Parked event " + eventId + " cannot be read: " + unreadable.getMessage());
    }
    try {
      kafka.send(CloudEventsBinding.toRecord(message)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new ResponseStatusException(
          HttpStatus.BAD_GATEWAY,
          "Kafka refused parked event " + eventId + ": " + cause.getMessage());
    }
    parked.remove(eventId);
    return event;
  }
}
