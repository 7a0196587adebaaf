package io.crossdesk.platform.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Looks up what a run of events refers to when another listener may be a moment behind in making it
 * known: events on different topics are not ordered, so a work order's routing can reach a listener
 * before its ticket's opening reached another. What is expected but missing is looked for again in
 * place, every {@value #POLL_MILLIS} ms for up to {@value #WAIT_MILLIS} ms, which costs a run far
 * less than failing it into the consumer's retries with back-off; what is still missing after that
 * fails the run with a {@link NotYetKnownException}, which the consumer retries longer than other
 * failures.
 *
 * <pre>
 * Map&lt;String, TicketFacts&gt; facts = Overtaken.findAll(ticketIds, tickets::findAll, young::contains);
 * </pre>
 */
public final class Overtaken {

  static final long WAIT_MILLIS = 2_000;
  static final long POLL_MILLIS = 100;

  private Overtaken() {}

  /**
   * What {@code find} knows of {@code ids}; each id that {@code expected} accepts is waited for
   * while it is missing.
   *
   * @throws NotYetKnownException when an expected id is still missing after the wait
   */
  public static <V> Map<String, V> findAll(
      Collection<String> ids,
      Function<Collection<String>, Map<String, V>> find,
      Predicate<String> expected) {
    return findAll(
        ids, find, expected, Duration.ofMillis(WAIT_MILLIS), Duration.ofMillis(POLL_MILLIS));
  }

  static <V> Map<String, V> findAll(
      Collection<String> ids,
      Function<Collection<String>, Map<String, V>> find,
      Predicate<String> expected,
      Duration wait,
      Duration poll) {
    Set<String> distinct = new LinkedHashSet<>(ids);
    if (distinct.isEmpty()) {
      return Map.of();
    }
    Map<String, V> found = new HashMap<>(find.apply(distinct));
    long until = System.nanoTime() + wait.toNanos();
    List<String> missing = missing(distinct, found, expected);
    while (!missing.isEmpty() && System.nanoTime() < until) {
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("stopped while waiting for " + missing, stopping);
      }
      found.putAll(find.apply(missing));
      missing = missing(distinct, found, expected);
    }
    if (!missing.isEmpty()) {
      throw new NotYetKnownException("not known yet: " + String.join(", ", missing));
    }
    return found;
  }

  private static List<String> missing(
      Set<String> ids, Map<String, ?> found, Predicate<String> expected) {
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (!found.containsKey(id) && expected.test(id)) {
        missing.add(id);
      }
    }
    return missing;
  }
}
