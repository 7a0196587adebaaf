package io.crossdesk.notification.feed.web;

import io.crossdesk.notification.feed.domain.Feed;
import io.crossdesk.notification.feed.domain.FeedEntry;
import io.crossdesk.notification.feed.persistence.FeedStore;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live side of the feeds. Every connected client's feeds are looked at together, by id, once
 * per poll interval, and only while someone is connected; a message another instance added reaches
 * the client as surely as one this instance added, since the feeds live in the store.
 */
@Component
class FeedStream implements SmartLifecycle {

  private final FeedStore feeds;
  private final Duration pollEvery;
  private final Duration streamFor;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile ScheduledExecutorService poller;

  FeedStream(
      FeedStore feeds,
      @Value("${crossdesk.notifications.feed.poll-every:1s}") Duration pollEvery,
      @Value("${crossdesk.notifications.feed.stream-for:30m}") Duration streamFor) {
    this.feeds = feeds;
    this.pollEvery = pollEvery;
    this.streamFor = streamFor;
  }

  SseEmitter open(List<String> names) {
    SseEmitter emitter = new SseEmitter(streamFor.toMillis());
    Map<String, Feed> now = feeds.findAll(names);
    Listener listener = new Listener(emitter, names, new HashMap<>());
    now.forEach((name, feed) -> listener.seen().put(name, feed.version()));
    emitter.onCompletion(() -> listeners.remove(listener));
    emitter.onTimeout(() -> listeners.remove(listener));
    emitter.onError(failed -> listeners.remove(listener));
    listeners.add(listener);
    sendUnread(listener, now);
    return emitter;
  }

  /** One look-up for every connected feed; each client hears what changed in its own. */
  void poll() {
    if (listeners.isEmpty()) {
      return;
    }
    Set<String> names = new HashSet<>();
    listeners.forEach(listener -> names.addAll(listener.names()));
    Map<String, Feed> current = feeds.findAll(names);
    for (Listener listener : listeners) {
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
        send(listener, fresh, own);
      }
    }
  }

  private void send(Listener listener, List<FeedEntry> fresh, Map<String, Feed> own) {
    try {
      for (FeedEntry entry : fresh) {
        listener.sent().add(entry.id());
        listener
            .emitter()
            .send(
                SseEmitter.event()
                    .name("notification")
                    .id(entry.id())
                    .data(entry, MediaType.APPLICATION_JSON));
      }
      sendUnread(listener, own);
    } catch (IOException | IllegalStateException gone) {
      listeners.remove(listener);
    }
  }

  private void sendUnread(Listener listener, Map<String, Feed> own) {
    own.values().forEach(feed -> feed.entries().forEach(entry -> listener.sent().add(entry.id())));
    long unread = own.values().stream().mapToLong(Feed::unread).sum();
    try {
      listener
          .emitter()
          .send(
              SseEmitter.event()
                  .name("unread")
                  .data(Map.of("unread", unread), MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException gone) {
      listeners.remove(listener);
    }
  }

  @Override
  public void start() {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "feed-stream");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::pollQuietly, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    poller = scheduler;
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException storeUnavailable) {
      // The next poll tries again; connected clients keep their streams.
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService scheduler = poller;
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    listeners.forEach(listener -> listener.emitter().complete());
    listeners.clear();
    poller = null;
  }

  @Override
  public boolean isRunning() {
    return poller != null;
  }

  /** A connected client: its feeds, the version of each it has seen and the ids it was sent. */
  private record Listener(
      SseEmitter emitter, List<String> names, Map<String, Long> seen, Set<String> sent) {

    Listener(SseEmitter emitter, List<String> names, Map<String, Long> seen) {
      this(emitter, names, seen, ConcurrentHashMap.newKeySet());
    }
  }
}
