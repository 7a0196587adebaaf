package io.crossdesk.ticket.sla.domain;

import io.crossdesk.platform.time.BusinessCalendar;
import io.crossdesk.platform.time.CalendarSpec;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The service levels the desk promises, as data an ADMIN edits. Every edit is a new version; a
 * ticket keeps the version it was opened under, so its deadlines never move because a later policy
 * differs.
 *
 * @param calendar the business hours the targets are counted in
 * @param escalationPercents at which shares of the resolution target a ticket escalates one level
 * @param earlyEscalationPercents the same for tier A customers and key accounts
 * @param autoCloseAfter how long a resolved ticket waits for the customer's answer before it closes
 *     itself, ISO-8601 and in elapsed time (P7D by default)
 */
public record SlaPolicy(
    int version,
    CalendarSpec calendar,
    List<TargetRule> targets,
    List<Integer> escalationPercents,
    List<Integer> earlyEscalationPercents,
    String autoCloseAfter,
    String changedBy,
    Instant changedAt) {

  public SlaPolicy {
    Objects.requireNonNull(calendar, "calendar");
    calendar.toCalendar();
    targets = List.copyOf(targets);
    escalationPercents = List.copyOf(escalationPercents);
    earlyEscalationPercents = List.copyOf(earlyEscalationPercents);
    if (targets.stream().noneMatch(TargetRule::isCatchAll)) {
      throw new IllegalArgumentException(
          "targets need a row without tier, priority and type, for every other ticket");
    }
    checkAscending("escalationPercents", escalationPercents);
    checkAscending("earlyEscalationPercents", earlyEscalationPercents);
    autoCloseWait(autoCloseAfter);
  }

  /** The policy a new desk starts with: round the clock, tiers and priorities, complaints apart. */
  public static SlaPolicy defaults(Instant at) {
    List<TargetRule> rows = new ArrayList<>();
    rows.add(new TargetRule(CustomerTier.A, null, TicketType.COMPLAINT, 30, 24 * 60));
    rows.add(new TargetRule(CustomerTier.B, null, TicketType.COMPLAINT, 60, 48 * 60));
    rows.add(new TargetRule(CustomerTier.C, null, TicketType.COMPLAINT, 120, 72 * 60));
    row(rows, CustomerTier.A, new long[] {15, 30, 60, 120}, new long[] {4, 8, 24, 48});
    row(rows, CustomerTier.B, new long[] {30, 60, 120, 240}, new long[] {8, 24, 48, 72});
    row(rows, CustomerTier.C, new long[] {60, 120, 240, 480}, new long[] {24, 48, 72, 120});
    rows.add(new TargetRule(null, null, null, 240, 72 * 60));
    return new SlaPolicy(
        1,
        roundTheClock(),
        rows,
        List.of(75, 100, 150),
        List.of(50, 75, 100),
        "P7D",
        "crossdesk",
        at);
  }

  public SlaTargets targetsFor(CustomerTier tier, Priority priority, TicketType type) {
    return targets.stream()
        .filter(rule -> rule.matches(tier, priority, type))
        // Stream.max keeps the first of equals: the earlier row wins a tie.
        .max(Comparator.comparingInt(TargetRule::specificity))
        .map(TargetRule::targets)
        .orElseThrow();
  }

  public Duration autoCloseWait() {
    return autoCloseWait(autoCloseAfter);
  }

  private static Duration autoCloseWait(String text) {
    Duration wait;
    try {
      wait = Duration.parse(Objects.requireNonNull(text, "autoCloseAfter"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("autoCloseAfter must be an ISO-8601 duration such as P7D");
    }
    if (wait.isNegative() || wait.isZero() || wait.compareTo(Duration.ofDays(90)) > 0) {
      throw new IllegalArgumentException("autoCloseAfter must be more than zero and at most P90D");
    }
    return wait;
  }

  public List<Integer> escalationPercents(CustomerTier tier, boolean keyAccount) {
    return tier == CustomerTier.A || keyAccount ? earlyEscalationPercents : escalationPercents;
  }

  /** Parses the calendar; callers that need it often keep the result (see SlaPolicies). */
  public BusinessCalendar businessCalendar() {
    return calendar.toCalendar();
  }

  /** Every day, all day, in UTC. */
  public static CalendarSpec roundTheClock() {
    Map<DayOfWeek, List<String>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, List.of("00:00-24:00"));
    }
    return new CalendarSpec("UTC", week, List.of(), List.of());
  }

  /** This policy's content as the next version. */
  public SlaPolicy asVersion(int next, String by, Instant at) {
    return new SlaPolicy(
        next,
        calendar,
        targets,
        escalationPercents,
        earlyEscalationPercents,
        autoCloseAfter,
        by,
        at);
  }

  private static void row(List<TargetRule> rows, CustomerTier tier, long[] minutes, long[] hours) {
    Priority[] priorities = {Priority.URGENT, Priority.HIGH, Priority.NORMAL, Priority.LOW};
    for (int i = 0; i < priorities.length; i++) {
      rows.add(new TargetRule(tier, priorities[i], null, minutes[i], hours[i] * 60));
    }
  }

  private static void checkAscending(String field, List<Integer> percents) {
    if (percents.isEmpty()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    for (int i = 0; i < percents.size(); i++) {
      int percent = percents.get(i);
      if (percent < 1 || percent > 1000 || (i > 0 && percent <= percents.get(i - 1))) {
        throw new IllegalArgumentException(
            field + " must rise strictly, each between 1 and 1000: " + percents);
      }
    }
  }
}
