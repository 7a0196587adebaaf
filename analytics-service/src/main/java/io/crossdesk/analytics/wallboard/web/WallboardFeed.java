package io.crossdesk.analytics.wallboard.web;

import io.crossdesk.analytics.wallboard.application.Wallboard;
import io.crossdesk.analytics.wallboard.application.Wallboard.Board;
import io.crossdesk.platform.web.LiveStreams;
import io.crossdesk.platform.web.LiveStreams.Watcher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallboard's live feed, on the platform's {@link LiveStreams}: every few seconds it reads the
 * board of each scope someone watches, once however many watch it, and sends it to that scope's
 * watchers when its figures changed. Nothing is read while nobody watches.
 */
@Component
class WallboardFeed implements DisposableBean {

  /** The longest one stream lasts; the page then connects again and gets the board at once. */
  static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

  static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

  static final String EVENT = "board";

  /** The whole desk's scope: a department id never is empty. */
  private static final String DESK = "";

  private final Wallboard wallboard;
  private final JsonMapper json;
  private final Clock clock;
  private final LiveStreams<String> streams;

  /** The board last sent to each watched scope. */
  private final Map<String, Board> sent = new ConcurrentHashMap<>();

  WallboardFeed(
      Wallboard wallboard,
      JsonMapper json,
      @Value("${crossdesk.analytics.wallboard.refresh:2s}") Duration refresh,
      MeterRegistry meters,
      Clock clock) {
    this.wallboard = wallboard;
    this.json = json;
    this.clock = clock;
    this.streams =
        new LiveStreams<>(
            "wallboard-feed", refresh, STREAM_LIFETIME, KEEP_ALIVE, this::refresh, clock);
    Gauge.builder("crossdesk.analytics.wallboard.watchers", streams, LiveStreams::watching)
        .description("Wallboard streams open on this instance")
        .register(meters);
  }

  /** The board as a message, dated now. */
  record Message(Instant asOf, Board board) {}

  /** A stream of {@code department}'s board (the desk's when null), starting with the board now. */
  SseEmitter watch(String department) {
    String scope = Objects.requireNonNullElse(department, DESK);
    Board board = wallboard.board(department);
    Watcher<String> watcher = streams.open(scope);
    sent.putIfAbsent(scope, board);
    watcher.send(message(board));
    return watcher.emitter();
  }

  /** Each watched scope's board, read once and sent to its watchers when it changed. */
  private void refresh(List<Watcher<String>> watchers) {
    Map<String, List<Watcher<String>>> byScope = new HashMap<>();
    watchers.forEach(
        watcher ->
            byScope
                .computeIfAbsent(watcher.state(), s -> new java.util.ArrayList<>())
                .add(watcher));
    sent.keySet().retainAll(byScope.keySet());
    byScope.forEach(
        (scope, watching) -> {
          Board board = wallboard.board(scope.isEmpty() ? null : scope);
          if (!board.equals(sent.get(scope))) {
            sent.put(scope, board);
            Set<ResponseBodyEmitter.DataWithMediaType> message = message(board);
            watching.forEach(watcher -> watcher.send(message));
          }
        });
  }

  /** The board as one event, written once for every watcher. */
  private Set<ResponseBodyEmitter.DataWithMediaType> message(Board board) {
    return SseEmitter.event()
        .name(EVENT)
        .data(json.writeValueAsString(new Message(clock.instant(), board)), MediaType.TEXT_PLAIN)
        .build();
  }

  @Override
  public void destroy() {
    streams.close();
  }
}
