package io.crossdesk.notification.feed.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recipient's in-app feed: its newest {@value #KEPT} messages, newest first. The feed of a
 * department is shared by its staff: a message one of them marks read is read for all.
 *
 * @param name {@code customer:<id>}, {@code department:<id>} or {@code staff:<user>}
 * @param version counts the feed's changes
 */
public record Feed(String name, List<FeedEntry> entries, long version) {

  /** Messages a feed keeps; older ones stay readable in the notification log. */
  public static final int KEPT = 200;

  public Feed {
    entries = List.copyOf(entries);
  }

  public static Feed empty(String name) {
    return new Feed(name, List.of(), 0);
  }

  public long unread() {
    return entries.stream().filter(entry -> !entry.read()).count();
  }

  /** The feed with the messages it does not hold yet, the newest first, at most {@value #KEPT}. */
  public Feed with(List<FeedEntry> added) {
    Set<String> held = new HashSet<>();
    entries.forEach(entry -> held.add(entry.id()));
    List<FeedEntry> all = new ArrayList<>(entries);
    added.stream().filter(entry -> held.add(entry.id())).forEach(all::add);
    all.sort(Comparator.comparing(FeedEntry::at).thenComparing(FeedEntry::id).reversed());
    return new Feed(name, all.subList(0, Math.min(all.size(), KEPT)), version);
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
