package io.crossdesk.notification.feed.web;

import io.crossdesk.notification.feed.domain.Feed;
import io.crossdesk.notification.feed.persistence.FeedStore;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caller's in-app feed: the newest messages, the unread count, marking read, and a stream of
 * server-sent events that brings new messages as they arrive.
 */
@RestController
@Validated
@RequestMapping("/api/notifications/feed")
@PreAuthorize(Can.READ_FEED)
class FeedController {

  private final FeedStore feeds;
  private final FeedStream stream;

  FeedController(FeedStore feeds, FeedStream stream) {
    this.feeds = feeds;
    this.stream = stream;
  }

  @GetMapping
  FeedView feed(
      @AuthenticationPrincipal Jwt principal,
      @RequestParam(defaultValue = "false") boolean unreadOnly,
      @RequestParam(defaultValue = "50") @Min(1) @Max(Feed.KEPT) int limit) {
    Map<String, Feed> mine = feeds.findAll(FeedNames.of(Caller.of(principal)));
    List<FeedView.Entry> entries =
        mine.values().stream()
            .flatMap(feed -> feed.entries().stream().map(e -> FeedView.Entry.of(feed.name(), e)))
            .filter(entry -> !unreadOnly || !entry.read())
            .sorted(Comparator.comparing(FeedView.Entry::at).reversed())
            .limit(limit)
            .toList();
    return new FeedView(unread(mine), entries);
  }

  @GetMapping("/unread-count")
  Map<String, Long> unreadCount(@AuthenticationPrincipal Jwt principal) {
    return Map.of("unread", unread(feeds.findAll(FeedNames.of(Caller.of(principal)))));
  }

  /** Marks one message read; 404 when it is in none of the caller's feeds. */
  @PostMapping("/{id}/read")
  Map<String, Long> read(@AuthenticationPrincipal Jwt principal, @PathVariable String id) {
    List<String> names = FeedNames.of(Caller.of(principal));
    Feed holding =
        feeds.findAll(names).values().stream()
            .filter(feed -> feed.holds(id))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("no message " + id + " in your feed"));
    feeds.change(holding.name(), feed -> feed.read(id));
    return unreadCount(principal);
  }

  @PostMapping("/read-all")
  Map<String, Long> readAll(@AuthenticationPrincipal Jwt principal) {
    FeedNames.of(Caller.of(principal)).forEach(name -> feeds.change(name, Feed::readAll));
    return unreadCount(principal);
  }

  /**
   * Server-sent events: {@code unread} with the count when connected and after every change, and
   * {@code notification} with each new message. The stream ends after a while; clients reconnect
   * (browsers' EventSource does so by itself).
   */
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(@AuthenticationPrincipal Jwt principal) {
    return stream.open(FeedNames.of(Caller.of(principal)));
  }

  private static long unread(Map<String, Feed> feeds) {
    return feeds.values().stream().mapToLong(Feed::unread).sum();
  }
}
