package io.crossdesk.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OvertakenTest {

  private static final Duration WAIT = Duration.ofMillis(300);
  private static final Duration POLL = Duration.ofMillis(10);

  /** A store that learns of some ids only after a number of lookups, and records the lookups. */
  private static final class Arriving {
    final Map<String, Integer> knownFromLookup = new HashMap<>();
    final List<Set<String>> lookups = new ArrayList<>();

    Map<String, String> findAll(Collection<String> ids) {
      lookups.add(Set.copyOf(ids));
      Map<String, String> found = new HashMap<>();
      for (String id : ids) {
        Integer from = knownFromLookup.get(id);
        if (from != null && lookups.size() >= from) {
          found.put(id, "facts of " + id);
        }
      }
      return found;
    }
  }

  @Test
  void what_is_expected_and_a_moment_behind_is_looked_for_again_until_it_is_there() {
    Arriving store = new Arriving();
    store.knownFromLookup.put("t-1", 1);
    store.knownFromLookup.put("t-2", 3);

    Map<String, String> found =
        Overtaken.findAll(List.of("t-1", "t-2", "t-1"), store::findAll, id -> true, WAIT, POLL);

    assertThat(found).containsOnlyKeys("t-1", "t-2");
    assertThat(store.lookups).containsExactly(Set.of("t-1", "t-2"), Set.of("t-2"), Set.of("t-2"));
  }

  @Test
  void what_is_not_expected_any_more_is_not_waited_for() {
    Arriving store = new Arriving();
    store.knownFromLookup.put("t-1", 1);

    Map<String, String> found =
        Overtaken.findAll(List.of("t-1", "old"), store::findAll, "t-1"::equals, WAIT, POLL);

    assertThat(found).containsOnlyKeys("t-1");
    assertThat(store.lookups).hasSize(1);
  }

  @Test
  void what_is_still_missing_after_the_wait_fails_the_run_as_not_known_yet() {
    Arriving store = new Arriving();
    store.knownFromLookup.put("t-1", 1);
    long started = System.nanoTime();

    assertThatThrownBy(
            () ->
                Overtaken.findAll(List.of("t-1", "never"), store::findAll, id -> true, WAIT, POLL))
        .isInstanceOf(NotYetKnownException.class)
        .hasMessage("not known yet: never");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(WAIT);
    assertThat(store.lookups.size()).isGreaterThan(2);
    assertThat(store.lookups.subList(1, store.lookups.size())).allMatch(Set.of("never")::equals);
  }
}
