package io.crossdesk.platform.outbox;

import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.EventMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.bson.Document;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * One relay pass over some outbox documents: every event is sent at once, so the producer batches
 * them, then the pass waits for all acknowledgements. The events of one document are sent in their
 * outbox order with the same key, hence to the same partition, and the idempotent producer keeps
 * that order. When the broker cannot be reached the pass stops sending and fails the rest, so a
 * dead broker costs one blocked send per pass and not one per event.
 */
final class RelayBatch {

  /** An outbox document. */
  record Ref(String collection, Object id) {}

  /** An event the broker acknowledged. */
  record Published(Ref ref, EventMessage event) {}

  /** An event that was not published, and why; {@code event} is null when it was unreadable. */
  record Failure(Ref ref, String eventId, Document entry, EventMessage event, Throwable cause) {

    boolean retriable() {
      for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof RetriableException
            || t instanceof TimeoutException
            || t instanceof InterruptException) {
          return true;
        }
      }
      return false;
    }

    String reason() {
      Throwable root = cause;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
  }

  /** What the pass did, for the relay to write back. */
  record Outcome(List<Published> published, List<Failure> failures) {}

  private record Send(Ref ref, Document entry, EventMessage event, CompletableFuture<?> result) {}

  private final KafkaTemplate<String, String> kafka;
  private final List<Send> sends = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private Throwable brokerUnreachable;

  RelayBatch(KafkaTemplate<String, String> kafka) {
    this.kafka = kafka;
  }

  /** Sends the events of one outbox, in order. */
  void send(Ref ref, List<Document> outbox) {
    for (Document entry : outbox) {
      String eventId = entry.getString("eventId");
      if (eventId == null) {
        // Not written by AggregateStore: there is nothing to key a retry or a parking place by.
        continue;
      }
      if (brokerUnreachable != null) {
        failures.add(new Failure(ref, eventId, entry, null, brokerUnreachable));
        continue;
      }
      EventMessage event;
      try {
        event = OutboxEntries.read(entry);
      } catch (RuntimeException unreadable) {
        failures.add(new Failure(ref, eventId, entry, null, unreadable));
        continue;
      }
      CompletableFuture<?> result;
      try {
        result = kafka.send(CloudEventsBinding.toRecord(event));
      } catch (RuntimeException refused) {
        result = CompletableFuture.failedFuture(refused);
      }
      Send send = new Send(ref, entry, event, result);
      sends.add(send);
      if (result.isCompletedExceptionally() && failureOf(send).retriable()) {
        brokerUnreachable = failureOf(send).cause();
      }
    }
  }

  int size() {
    return sends.size() + failures.size();
  }

  /**
   * Waits until every send is acknowledged or failed, at most until {@code deadline}; a send still
   * open then counts as a retriable failure.
   *
   * @throws InterruptedException when the relay is stopped meanwhile
   */
  Outcome await(Instant deadline) throws InterruptedException {
    List<Published> published = new ArrayList<>();
    List<Failure> failed = new ArrayList<>(failures);
    for (Send send : sends) {
      long waitMillis = Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis());
      try {
        send.result().get(waitMillis, TimeUnit.MILLISECONDS);
        published.add(new Published(send.ref(), send.event()));
      } catch (ExecutionException | TimeoutException | CancellationException e) {
        failed.add(failureOf(send));
      }
    }
    return new Outcome(published, failed);
  }

  private static Failure failureOf(Send send) {
    Throwable cause;
    if (!send.result().isDone()) {
      cause = new TimeoutException("no acknowledgement in time");
    } else {
      try {
        send.result().getNow(null);
        throw new IllegalStateException("not a failed send");
      } catch (CompletionException | CancellationException e) {
        cause = e.getCause() == null ? e : e.getCause();
      }
    }
    return new Failure(send.ref(), send.event().eventId(), send.entry(), send.event(), cause);
  }
}
