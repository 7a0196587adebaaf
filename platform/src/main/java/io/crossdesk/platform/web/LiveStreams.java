package io.crossdesk.platform.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent event streams kept current by polling the store, the one way a service pushes what
 * changes to connected clients: a change another instance wrote reaches a client as surely as one
 * this instance wrote, because every instance reads the store. The streams own the emitters, their
 * lifetime (the client connects again after it), a comment on a stream idle for the keep-alive
 * interval, and one poller thread, which runs only while someone watches. The service says what to
 * read and send: {@code poll} is called with every watcher at each interval, never concurrently.
 *
 * @param <W> what the service keeps per watcher: its scope, what it has been sent
 */
public final class LiveStreams<W> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

  private final String name;
  private final Duration every;
  private final Duration lifetime;
  private final Duration keepAlive;
  private final Consumer<List<Watcher<W>>> poll;
  private final Clock clock;
  private final List<Watcher<W>> watchers = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService poller;

  /**
   * @param name names the poller thread
   * @param every how often {@code poll} runs while someone watches
   * @param lifetime how long one stream lasts
   * @param keepAlive after how long without an event a stream gets a comment
   */
  public LiveStreams(
      String name,
      Duration every,
      Duration lifetime,
      Duration keepAlive,
      Consumer<List<Watcher<W>>> poll,
      Clock clock) {
    this.name = name;
    this.every = every;
    this.lifetime = lifetime;
    this.keepAlive = keepAlive;
    this.poll = poll;
    this.clock = clock;
  }

  /** A client connected: its stream, to answer the request with once the first events are sent. */
  public Watcher<W> open(W state) {
    Watcher<W> watcher = new Watcher<>(new SseEmitter(lifetime.toMillis()), state, this);
    Runnable leave = () -> leave(watcher);
    watcher.emitter.onCompletion(leave);
    watcher.emitter.onTimeout(leave);
    watcher.emitter.onError(failed -> leave.run());
    watchers.add(watcher);
    synchronized (this) {
      if (poller == null) {
        poller =
            Executors.newSingleThreadScheduledExecutor(
                task -> {
                  Thread thread = new Thread(task, name);
                  thread.setDaemon(true);
                  return thread;
                });
        poller.scheduleWithFixedDelay(
            this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    return watcher;
  }

  /** How many streams are open. */
  public int watching() {
    return watchers.size();
  }

  private void leave(Watcher<W> watcher) {
    watchers.remove(watcher);
  }

  private void tick() {
    if (watchers.isEmpty()) {
      synchronized (this) {
        if (watchers.isEmpty() && poller != null) {
          // Nobody watches: no thread, no reads, until someone connects again.
          poller.shutdown();
          poller = null;
        }
      }
      return;
    }
    try {
      poll.accept(List.copyOf(watchers));
    } catch (RuntimeException failed) {
      // The store may be away for a moment: the streams stay open and the next poll tries again.
      log.warn("{}: could not read what the streams show: {}", name, failed.toString());
    }
    Instant idleSince = clock.instant().minus(keepAlive);
    for (Watcher<W> watcher : watchers) {
      if (watcher.lastSent.isBefore(idleSince)) {
        watcher.send(SseEmitter.event().comment("keep-alive").build());
      }
    }
  }

  /** Ends every stream: the service is stopping. */
  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
    watchers.forEach(watcher -> watcher.emitter.complete());
    watchers.clear();
  }

  /** One connected client. */
  public static final class Watcher<W> {

    private final SseEmitter emitter;
    private final W state;
    private final LiveStreams<W> streams;
    private volatile Instant lastSent;

    private Watcher(SseEmitter emitter, W state, LiveStreams<W> streams) {
      this.emitter = emitter;
      this.state = state;
      this.streams = streams;
      this.lastSent = streams.clock.instant();
    }

    public W state() {
      return state;
    }

    /** The stream, for the controller to return. */
    public SseEmitter emitter() {
      return emitter;
    }

    /** Sends an event; false when the client is gone, which then leaves the streams. */
    public boolean send(SseEmitter.SseEventBuilder event) {
      return send(event.build());
    }

    /** Sends an event built once for several watchers. */
    public boolean send(Set<ResponseBodyEmitter.DataWithMediaType> event) {
      try {
        emitter.send(event);
        lastSent = streams.clock.instant();
        return true;
      } catch (IOException | IllegalStateException gone) {
        streams.leave(this);
        emitter.completeWithError(gone);
        return false;
      }
    }
  }
}
