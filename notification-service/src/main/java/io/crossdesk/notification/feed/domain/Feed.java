package io.crossdesk.notification.feed.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recipient's in-app feed: its newest {@value #KEPT} messages, newest first. The feed of a
 * department is shared by its staff: a message one of them marks read is read for all.
 *
 * @param name {@code customer:<id>}, {@code department:<id>} or {@code staff:<user>}
 * @param version counts the feed's changes
 */
public record Feed(String name, List<FeedEntry> entries, long version) {

  private static final Comparator<FeedEntry> NEWEST_FIRST =
      Comparator.comparing(FeedEntry::at).thenComparing(FeedEntry::id).reversed();

  /** Messages a feed keeps; older ones stay readable in the notification log. */
  public static final int KEPT = 100;

  /**
   * The entries newest first, each once: a message written to the feed again (its event was
   * delivered again after an instance stopped) shows once.
   */
  public Feed {
    Map<String, FeedEntry> byId = new LinkedHashMap<>();
    entries.forEach(entry -> byId.putIfAbsent(entry.id(), entry));
    List<FeedEntry> sorted = new ArrayList<>(byId.values());
    sorted.sort(NEWEST_FIRST);
    entries = List.copyOf(sorted);
  }

  public static Feed empty(String name) {
    return new Feed(name, List.of(), 0);
  }

  public long unread() {
    return entries.stream().filter(entry -> !entry.read()).count();
  }

  /** The feed with the message marked read; the same feed when it does not hold it. */
  public Feed read(String entryId) {
    return new Feed(
        name,
        entries.stream()
            .map(entry -> entry.id().equals(entryId) ? entry.markedRead() : entry)
            .toList(),
        version);
  }

  public Feed readAll() {
    return new Feed(name, entries.stream().map(FeedEntry::markedRead).toList(), version);
  }

  public boolean holds(String entryId) {
    return entries.stream().anyMatch(entry -> entry.id().equals(entryId));
  }
}
