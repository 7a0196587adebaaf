package io.crossdesk.platform.deadline;

import io.crossdesk.platform.deadline.BucketWalk.Budget;
import io.crossdesk.platform.events.Traces;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Fires due deadlines, on every instance at once: each deadline of its own once, each one kept in
 * an aggregate with its effect once.
 *
 * <p>A pass reads, per kind, the buckets from the kind's cursor up to the current minute by {@code
 * _id}, loads their deadlines by {@code _id}, and for each one that is due claims it with a lease
 * (a find-and-modify on its {@code _id}, its token and no live lease), so only one instance fires
 * it. After the handler returns, the deadline is deleted and its entry pulled; a failed try moves
 * it to the bucket of its next try, and the last allowed failure parks it. An instance that dies
 * mid-handler leaves the claim to run out; the deadline is still in its bucket and the next pass
 * after the lease, on any instance, fires it again. Empty buckets are deleted and the cursor moves
 * past them, but never into the last lease's minutes, where a writer may still be adding.
 *
 * <p>Deadlines kept in their aggregates ({@link DeadlineStorage}) are loaded from the aggregates'
 * documents and fired without a claim: the handler's change of the aggregate is versioned, so two
 * instances that fire one at once make one change. Their failures are written into the aggregate.
 *
 * <p>Deadlines that fell due while every instance was down are all still in their buckets, behind
 * the cursor: the first pass after the start fires them, a batch per kind at a time.
 */
public class DeadlinePoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadlinePoller.class);
  private static final Duration GAUGE_INTERVAL = Duration.ofSeconds(10);

  private final Map<String, DeadlineHandler> handlers;
  private final Deadlines deadlines;
  private final DeadlineProperties properties;
  private final DeadlineMeters meters;
  private final BucketWalk walk;
  private final Object wakeUp = new Object();
  private volatile Thread worker;
  private volatile boolean stopping;

  public DeadlinePoller(
      Deadlines deadlines,
      Collection<DeadlineHandler> handlers,
      DeadlineProperties properties,
      Clock clock,
      DeadlineMeters meters) {
    this(deadlines, handlers, properties, clock, meters, Traces.NONE);
  }

  public DeadlinePoller(
      Deadlines deadlines,
      Collection<DeadlineHandler> handlers,
      DeadlineProperties properties,
      Clock clock,
      DeadlineMeters meters,
      Traces traces) {
    this.handlers = byKind(handlers);
    this.deadlines = deadlines;
    this.properties = properties;
    this.meters = meters;
    DeadlineFiring firing =
        new DeadlineFiring(
            deadlines, properties, clock, meters, traces, "deadlines-" + UUID.randomUUID());
    this.walk =
        new BucketWalk(deadlines, firing, properties.lease(), clock, meters, () -> stopping);
    this.handlers.keySet().forEach(meters::register);
  }

  /** One pass over every kind; returns the deadlines fired. For tests and operators. */
  public int pollOnce() {
    return poll().fired();
  }

  private record Pass(int fired, boolean more) {}

  private synchronized Pass poll() {
    int fired = 0;
    boolean more = false;
    for (DeadlineHandler handler : handlers.values()) {
      if (stopping) {
        break;
      }
      Budget budget = new Budget(properties.batchSize());
      int firedOfKind = walk.walk(handler, budget);
      fired += firedOfKind;
      // A full batch that fired nothing was spent on deadlines another instance holds: wait.
      more |= budget.spent() && firedOfKind > 0;
    }
    return new Pass(fired, more);
  }

  /** Counts the parked deadlines; reads the parked markers, so only every few seconds. */
  void refreshGauges() {
    meters.refreshParked(deadlines.parkedMarkers(), deadlines.records());
  }

  private void work() {
    long nextGauges = 0;
    while (!stopping) {
      boolean more = false;
      try {
        more = poll().more();
        if (System.nanoTime() - nextGauges >= 0) {
          refreshGauges();
          nextGauges = System.nanoTime() + GAUGE_INTERVAL.toNanos();
        }
      } catch (RuntimeException e) {
        log.warn("Deadline pass failed, will retry: {}", e.toString());
      }
      if (!more) {
        pause();
      }
    }
  }

  private void pause() {
    synchronized (wakeUp) {
      if (stopping) {
        return;
      }
      try {
        wakeUp.wait(properties.pollInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopping = true;
      }
    }
  }

  @Override
  public void start() {
    deadlines.parkedMarkers().declareIndexes();
    stopping = false;
    if (handlers.isEmpty()) {
      return;
    }
    Thread thread = new Thread(this::work, "deadline-poller");
    thread.setDaemon(true);
    worker = thread;
    thread.start();
  }

  /**
   * Lets the handler in flight finish, within the stop timeout, and fires nothing more; what is due
   * stays in its bucket for another instance or the next start.
   */
  @Override
  public void stop() {
    stopping = true;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    Thread thread = worker;
    if (thread == null) {
      return;
    }
    try {
      thread.join(properties.stopTimeout().toMillis());
      if (thread.isAlive()) {
        log.warn(
            "Deadline handler still running after {}; its lease hands it to another instance",
            properties.stopTimeout());
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker = null;
  }

  @Override
  public boolean isRunning() {
    return worker != null;
  }

  /** Starts after the outbox relay and stops before it, so what handlers write is published. */
  @Override
  public int getPhase() {
    return 1;
  }

  private static Map<String, DeadlineHandler> byKind(Collection<DeadlineHandler> handlers) {
    Map<String, DeadlineHandler> byKind = new LinkedHashMap<>();
    for (DeadlineHandler handler : handlers) {
      DeadlineHandler other = byKind.putIfAbsent(handler.kind(), handler);
      if (other != null) {
        throw new IllegalStateException(
            "two handlers for deadlines of kind "
                + handler.kind()
                + ": "
                + other.getClass().getName()
                + " and "
                + handler.getClass().getName());
      }
    }
    return byKind;
  }
}
