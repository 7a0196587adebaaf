package io.crossdesk.workorder.department.domain;

import io.crossdesk.platform.time.BusinessCalendar;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who of a department is given a ready step when its intake assigns work. A member may be given
 * work when not away and on shift; members have no hours of their own, so on shift means the
 * department's calendar is open. Members are taken in the order the department lists them.
 */
public final class AssigneeChoice {

  private AssigneeChoice() {}

  public static List<Member> eligible(
      Department department, BusinessCalendar calendar, Instant now) {
    if (!calendar.isOpen(now)) {
      return List.of();
    }
    return department.members().stream().filter(member -> !member.away()).toList();
  }

  /** The member whose turn it is; {@code turn} counts from 1 across the department's steps. */
  public static Optional<Member> roundRobin(List<Member> eligible, long turn) {
    if (eligible.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(eligible.get((int) Math.floorMod(turn - 1, (long) eligible.size())));
  }

  /**
   * The member with the fewest claimed or started steps, the first listed of those tied.
   *
   * @param load open steps per member id; a member not in it has none
   */
  public static Optional<Member> leastLoaded(List<Member> eligible, Map<String, Long> load) {
    return eligible.stream()
        .min(Comparator.comparingLong(member -> load.getOrDefault(member.id(), 0L)));
  }
}
