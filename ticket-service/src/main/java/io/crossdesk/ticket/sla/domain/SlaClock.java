package io.crossdesk.ticket.sla.domain;

import io.crossdesk.platform.time.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A ticket's service-level clock for one round of work (the first, or the work after a reopening):
 * when it started, its targets, the pauses it took, and when it was answered and resolved. Every
 * due time is computed from this history, so changing a target (a new priority, type or tier) moves
 * the deadlines as if the new target had applied from the start.
 *
 * @param respondedAt the first response to the customer, or null
 * @param resolvedAt when the round's work was resolved, or null
 */
public record SlaClock(
    int policyVersion,
    Instant startedAt,
    SlaTargets targets,
    List<Pause> pauses,
    Instant respondedAt,
    Instant resolvedAt) {

  public SlaClock {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(targets, "targets");
    pauses = pauses == null ? List.of() : List.copyOf(pauses);
  }

  public static SlaClock start(int policyVersion, Instant at, SlaTargets targets) {
    return new SlaClock(policyVersion, at, targets, List.of(), null, null);
  }

  public boolean isPaused() {
    return !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOngoing();
  }

  public SlaClock pause(Instant at, String reason) {
    if (isPaused()) {
      return this;
    }
    List<Pause> longer = new ArrayList<>(pauses);
    longer.add(new Pause(at, null, reason));
    return new SlaClock(policyVersion, startedAt, targets, longer, respondedAt, resolvedAt);
  }

  public SlaClock resume(Instant at) {
    if (!isPaused()) {
      return this;
    }
    List<Pause> ended = new ArrayList<>(pauses);
    ended.set(ended.size() - 1, ended.get(ended.size() - 1).endedAt(at));
    return new SlaClock(policyVersion, startedAt, targets, ended, respondedAt, resolvedAt);
  }

  public SlaClock retarget(SlaTargets changed) {
    return new SlaClock(policyVersion, startedAt, changed, pauses, respondedAt, resolvedAt);
  }

  public SlaClock responded(Instant at) {
    return respondedAt != null
        ? this
        : new SlaClock(policyVersion, startedAt, targets, pauses, at, resolvedAt);
  }

  public SlaClock resolved(Instant at) {
    SlaClock answered = responded(at).resume(at);
    return new SlaClock(
        policyVersion, startedAt, targets, answered.pauses, answered.respondedAt, at);
  }

  public TargetStatus firstResponse(BusinessCalendar calendar, Instant now) {
    return status(calendar, targets.firstResponse(), respondedAt, now);
  }

  public TargetStatus resolution(BusinessCalendar calendar, Instant now) {
    return status(calendar, targets.resolution(), resolvedAt, now);
  }

  /** When {@code share} of the resolution target will have elapsed, or null while paused first. */
  public Instant whenElapsed(BusinessCalendar calendar, Duration share) {
    return dueAt(calendar, share);
  }

  /**
   * When {@code percent} of the resolution target will have elapsed, or null while paused first.
   */
  public Instant whenResolutionShareElapsed(BusinessCalendar calendar, int percent) {
    return dueAt(calendar, targets.resolution().multipliedBy(percent).dividedBy(100));
  }

  /** Business time counted so far, pauses left out. */
  public Duration elapsed(BusinessCalendar calendar, Instant now) {
    Duration counted = Duration.ZERO;
    Instant cursor = startedAt;
    for (Pause pause : pauses) {
      if (!pause.from().isBefore(now)) {
        break;
      }
      counted = counted.plus(calendar.between(cursor, pause.from()));
      if (pause.isOngoing() || !pause.to().isBefore(now)) {
        return counted;
      }
      cursor = pause.to();
    }
    return cursor.isBefore(now) ? counted.plus(calendar.between(cursor, now)) : counted;
  }

  private TargetStatus status(
      BusinessCalendar calendar, Duration target, Instant doneAt, Instant now) {
    if (doneAt != null) {
      // Pauses after the target was met cannot move its due time.
      Instant dueAt = dueAt(calendar, target, pausesBefore(doneAt));
      boolean inTime = dueAt == null || !doneAt.isAfter(dueAt);
      Duration left = target.minus(elapsed(calendar, doneAt));
      return new TargetStatus(target, dueAt, left, false, inTime, !inTime);
    }
    Instant dueAt = dueAt(calendar, target);
    Duration left = target.minus(elapsed(calendar, now));
    boolean overdue = dueAt != null && now.isAfter(dueAt);
    return new TargetStatus(target, dueAt, left, isPaused(), false, overdue);
  }

  /**
   * Walks the stretches between pauses, spending the target in each one's business hours. A target
   * not spent when an ongoing pause begins has no due time yet.
   */
  private Instant dueAt(BusinessCalendar calendar, Duration target) {
    return dueAt(calendar, target, pauses);
  }

  private List<Pause> pausesBefore(Instant moment) {
    return pauses.stream().filter(pause -> pause.from().isBefore(moment)).toList();
  }

  private Instant dueAt(BusinessCalendar calendar, Duration target, List<Pause> pauses) {
    Duration remaining = target;
    Instant cursor = startedAt;
    for (Pause pause : pauses) {
      Instant due = calendar.plus(cursor, remaining);
      if (!due.isAfter(pause.from())) {
        return due;
      }
      remaining = remaining.minus(calendar.between(cursor, pause.from()));
      if (pause.isOngoing()) {
        return null;
      }
      cursor = pause.to();
    }
    return calendar.plus(cursor, remaining);
  }
}
