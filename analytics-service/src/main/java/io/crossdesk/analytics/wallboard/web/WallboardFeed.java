package io.crossdesk.analytics.wallboard.web;

import io.crossdesk.analytics.wallboard.application.Wallboard;
import io.crossdesk.analytics.wallboard.application.Wallboard.Board;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallboard's live feed: each open board is a server-sent event stream. Every few seconds the
 * feed reads the board of each scope someone watches, once however many watch it, and sends it when
 * its figures changed; a comment every 20 s keeps idle connections open through proxies. Nothing is
 * read while nobody watches.
 */
@Component
class WallboardFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WallboardFeed.class);

  /** The longest one stream lasts; the page then connects again and gets the board at once. */
  static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

  static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

  static final String EVENT = "board";

  /** The whole desk's scope: a department id never is empty. */
  private static final String DESK = "";

  private final Wallboard wallboard;
  private final JsonMapper json;
  private final Duration refresh;
  private final Clock clock;
  private final Map<String, Scope> scopes = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService ticker;

  WallboardFeed(
      Wallboard wallboard,
      JsonMapper json,
      @Value("${crossdesk.analytics.wallboard.refresh:2s}") Duration refresh,
      MeterRegistry meters,
      Clock clock) {
    this.wallboard = wallboard;
    this.json = json;
    this.refresh = refresh;
    this.clock = clock;
    Gauge.builder("crossdesk.analytics.wallboard.watchers", this, WallboardFeed::watchers)
        .description("Wallboard streams open on this instance")
        .register(meters);
  }

  /** A board and who watches it. */
  private static final class Scope {
    final String department;
    final List<SseEmitter> watchers = new CopyOnWriteArrayList<>();
    volatile Board last;
    volatile Instant lastSent = Instant.EPOCH;

    Scope(String department) {
      this.department = department;
    }
  }

  /** The board as a message, dated now. */
  record Message(Instant asOf, Board board) {}

  /** A stream of {@code department}'s board (the desk's when null), starting with the board now. */
  SseEmitter watch(String department) {
    SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
    Board board = wallboard.board(department);
    try {
      emitter.send(message(board));
    } catch (IOException gone) {
      emitter.completeWithError(gone);
      return emitter;
    }
    String key = Objects.requireNonNullElse(department, DESK);
    Runnable leave = () -> leave(key, emitter);
    emitter.onCompletion(leave);
    emitter.onTimeout(leave);
    emitter.onError(error -> leave.run());
    scopes.compute(
        key,
        (k, scope) -> {
          Scope watched = scope == null ? new Scope(department) : scope;
          watched.watchers.add(emitter);
          if (watched.last == null) {
            watched.last = board;
          }
          return watched;
        });
    return emitter;
  }

  /** A watcher gone; a scope nobody watches any more is forgotten. */
  private void leave(String key, SseEmitter emitter) {
    scopes.computeIfPresent(
        key,
        (k, scope) -> {
          scope.watchers.remove(emitter);
          return scope.watchers.isEmpty() ? null : scope;
        });
  }

  private int watchers() {
    return scopes.values().stream().mapToInt(scope -> scope.watchers.size()).sum();
  }

  void tick() {
    for (Scope scope : scopes.values()) {
      if (scope.watchers.isEmpty()) {
        continue;
      }
      try {
        Board board = wallboard.board(scope.department);
        Instant now = clock.instant();
        if (!board.equals(scope.last)) {
          scope.last = board;
          scope.lastSent = now;
          send(scope, message(board));
        } else if (scope.lastSent.plus(KEEP_ALIVE).isBefore(now)) {
          scope.lastSent = now;
          send(scope, SseEmitter.event().comment("keep-alive").build());
        }
      } catch (RuntimeException failed) {
        // The store may be away for a moment: the boards stay as they were until it is back.
        log.warn("Could not read the wallboard of {}: {}", scopeName(scope), failed.toString());
      }
    }
  }

  /** The board as one event, written once for every watcher. */
  private Set<ResponseBodyEmitter.DataWithMediaType> message(Board board) {
    return SseEmitter.event()
        .name(EVENT)
        .data(json.writeValueAsString(new Message(clock.instant(), board)), MediaType.TEXT_PLAIN)
        .build();
  }

  private static void send(Scope scope, Set<ResponseBodyEmitter.DataWithMediaType> event) {
    for (SseEmitter watcher : scope.watchers) {
      try {
        watcher.send(event);
      } catch (IOException | IllegalStateException gone) {
        // Not sent to again; its completion callback forgets the scope once nobody watches it.
        scope.watchers.remove(watcher);
        watcher.completeWithError(gone);
      }
    }
  }

  private static String scopeName(Scope scope) {
    return scope.department == null ? "the desk" : scope.department;
  }

  @Override
  public void start() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "wallboard-feed");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::tick, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    ticker = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = ticker;
    if (executor != null) {
      executor.shutdownNow();
      ticker = null;
    }
    scopes.values().forEach(scope -> scope.watchers.forEach(SseEmitter::complete));
    scopes.clear();
  }

  @Override
  public boolean isRunning() {
    return ticker != null;
  }
}
