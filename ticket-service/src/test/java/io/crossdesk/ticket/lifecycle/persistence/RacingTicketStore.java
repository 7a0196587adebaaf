package io.crossdesk.ticket.lifecycle.persistence;

import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.platform.aggregate.AggregateTimers;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.sla.persistence.SlaPolicies;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A ticket store whose first look-ups of an intake request, by {@code parties} threads, all answer
 * "not there yet" and then wait for each other: every thread goes on to insert, so the race between
 * redelivered requests is certain to happen rather than merely possible.
 */
public final class RacingTicketStore extends TicketStore {

  private final CyclicBarrier together;
  private final AtomicInteger racing;

  public RacingTicketStore(
      MongoTemplate mongo,
      AggregateStores stores,
      SlaPolicies policies,
      AggregateTimers<Ticket> timers,
      StatusAnnouncement announcement,
      Clock clock,
      int parties) {
    super(mongo, stores, policies, timers, announcement, clock);
    this.together = new CyclicBarrier(parties);
    this.racing = new AtomicInteger(parties);
  }

  @Override
  public Optional<Ticket> findByIntakeRequest(String sourceSystem, String externalId) {
    Optional<Ticket> found = super.findByIntakeRequest(sourceSystem, externalId);
    // Only the first round races; the look-up after a lost insert goes straight through.
    if (racing.getAndDecrement() > 0) {
      try {
        together.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException("the racing look-ups did not meet", e);
      }
    }
    return found;
  }
}
