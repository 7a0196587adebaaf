package io.crossdesk.notification.feed.web;

import io.crossdesk.notification.feed.domain.Feed;
import io.crossdesk.notification.feed.domain.FeedEntry;
import io.crossdesk.notification.feed.persistence.FeedStore;
import io.crossdesk.platform.web.LiveStreams;
import io.crossdesk.platform.web.LiveStreams.Watcher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live side of the feeds, on the platform's {@link LiveStreams}. Every connected client's feeds
 * are looked at together, by id, once per poll interval, and only while someone is connected; a
 * message another instance added reaches the client as surely as one this instance added, since the
 * feeds live in the store.
 */
@Component
class FeedStream implements DisposableBean {

  static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

  private final FeedStore feeds;
  private final LiveStreams<Listener> streams;

  FeedStream(
      FeedStore feeds,
      @Value("${crossdesk.notifications.feed.poll-every:1s}") Duration pollEvery,
      @Value("${crossdesk.notifications.feed.stream-for:30m}") Duration streamFor,
      Clock clock) {
    this.feeds = feeds;
    this.streams =
        new LiveStreams<>("feed-stream", pollEvery, streamFor, KEEP_ALIVE, this::poll, clock);
  }

  SseEmitter open(List<String> names) {
    Map<String, Feed> now = feeds.findAll(names);
    Listener listener = new Listener(names, new ConcurrentHashMap<>());
    now.forEach((name, feed) -> listener.seen().put(name, feed.version()));
    Watcher<Listener> watcher = streams.open(listener);
    sendUnread(watcher, now);
    return watcher.emitter();
  }

  /** One look-up for every connected feed; each client hears what changed in its own. */
  private void poll(List<Watcher<Listener>> watchers) {
    Set<String> names = new HashSet<>();
    watchers.forEach(watcher -> names.addAll(watcher.state().names()));
    Map<String, Feed> current = feeds.findAll(names);
    for (Watcher<Listener> watcher : watchers) {
      Listener listener = watcher.state();
      List<FeedEntry> fresh = new ArrayList<>();
      boolean changed = false;
      for (String name : listener.names()) {
        Feed feed = current.get(name);
        long seen = listener.seen().getOrDefault(name, 0L);
        if (feed == null || feed.version() == seen) {
          continue;
        }
        changed = true;
        listener.seen().put(name, feed.version());
        feed.entries().stream()
            .filter(entry -> !entry.read() && !listener.sent().contains(entry.id()))
            .forEach(fresh::add);
      }
      if (changed) {
        Map<String, Feed> own = new HashMap<>();
        listener.names().stream()
            .filter(current::containsKey)
            .forEach(name -> own.put(name, current.get(name)));
        send(watcher, fresh, own);
      }
    }
  }

  private void send(Watcher<Listener> watcher, List<FeedEntry> fresh, Map<String, Feed> own) {
    for (FeedEntry entry : fresh) {
      watcher.state().sent().add(entry.id());
      boolean delivered =
          watcher.send(
              SseEmitter.event()
                  .name("notification")
                  .id(entry.id())
                  .data(entry, MediaType.APPLICATION_JSON));
      if (!delivered) {
        return;
      }
    }
    sendUnread(watcher, own);
  }

  private void sendUnread(Watcher<Listener> watcher, Map<String, Feed> own) {
    own.values()
        .forEach(feed -> feed.entries().forEach(entry -> watcher.state().sent().add(entry.id())));
    long unread = own.values().stream().mapToLong(Feed::unread).sum();
    watcher.send(
        SseEmitter.event()
            .name("unread")
            .data(Map.of("unread", unread), MediaType.APPLICATION_JSON));
  }

  @Override
  public void destroy() {
    streams.close();
  }

  /** A connected client: its feeds, the version of each it has seen and the ids it was sent. */
  private record Listener(List<String> names, Map<String, Long> seen, Set<String> sent) {

    Listener(List<String> names, Map<String, Long> seen) {
      this(names, seen, ConcurrentHashMap.newKeySet());
    }
  }
}
