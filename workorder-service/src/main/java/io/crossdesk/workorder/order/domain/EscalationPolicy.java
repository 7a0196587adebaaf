package io.crossdesk.workorder.order.domain;

import io.crossdesk.workorder.department.domain.Calendars;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When an open step escalates: at shares of its OLA, one level per threshold (level 1 the team
 * lead, 2 the department head, 3 the service-quality supervisor). Tiers may have earlier thresholds
 * than the standard ones.
 *
 * @param standard percentages of the OLA, one per level, rising
 * @param byTier the thresholds of tiers that differ from the standard
 */
public record EscalationPolicy(List<Integer> standard, Map<String, List<Integer>> byTier) {

  public static final EscalationPolicy DEFAULT =
      new EscalationPolicy(List.of(75, 100, 150), Map.of("A", List.of(50, 75, 100)));

  public EscalationPolicy {
    standard = List.copyOf(standard);
    byTier = Map.copyOf(byTier);
    requireRising(standard);
    byTier.values().forEach(EscalationPolicy::requireRising);
  }

  /** The next threshold the step will pass, with the time it passes it. */
  public Optional<Threshold> next(Step step, String tier, Calendars calendars) {
    if (!step.status().isOpen()) {
      return Optional.empty();
    }
    List<Integer> thresholds = byTier.getOrDefault(tier, standard);
    int level = step.escalationLevel() + 1;
    if (level > thresholds.size()) {
      return Optional.empty();
    }
    int percent = thresholds.get(level - 1);
    Instant at =
        step.definition().ola().share(step.readyAt(), calendars.of(step.department()), percent);
    return Optional.of(new Threshold(level, percent, at));
  }

  /** Who must act at an escalation level. */
  public static String role(int level) {
    return switch (level) {
      case 1 -> "TEAM_LEAD";
      case 2 -> "DEPARTMENT_HEAD";
      default -> "SERVICE_QUALITY_SUPERVISOR";
    };
  }

  private static void requireRising(List<Integer> thresholds) {
    for (int i = 0; i < thresholds.size(); i++) {
      if (thresholds.get(i) <= 0 || (i > 0 && thresholds.get(i) <= thresholds.get(i - 1))) {
        throw new IllegalArgumentException(
            "escalation thresholds must be positive and rising: " + thresholds);
      }
    }
  }

  /** Escalation to {@code level} once {@code percent} of the OLA has passed, at {@code at}. */
  public record Threshold(int level, int percent, Instant at) {}
}
