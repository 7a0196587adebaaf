package io.crossdesk.analytics.goal.domain;

import io.crossdesk.analytics.kpi.domain.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every target, as one version an ADMIN stored. A department's targets for a period are its own,
 * and for each KPI it has none of its own, the one for every department.
 */
public record TargetSet(int version, List<Target> targets, String changedBy, Instant changedAt) {

  public TargetSet {
    targets = List.copyOf(targets);
    Set<String> seen = new HashSet<>();
    for (Target target : targets) {
      String key = target.measure() + "|" + target.department() + "|" + target.period();
      if (!seen.add(key)) {
        throw new IllegalArgumentException(
            "two targets for "
                + target.measure().id()
                + (target.department() == null ? "" : " of " + target.department())
                + " by "
                + target.period().id());
      }
    }
  }

  public static TargetSet none() {
    return new TargetSet(0, List.of(), null, null);
  }

  public List<Target> forDepartment(String department, Period period) {
    Map<Measure, Target> chosen = new LinkedHashMap<>();
    for (Target target : targets) {
      if (target.period() == period && target.department() == null) {
        chosen.putIfAbsent(target.measure(), target);
      }
    }
    for (Target target : targets) {
      if (target.period() == period && department.equals(target.department())) {
        chosen.put(target.measure(), target);
      }
    }
    return new ArrayList<>(chosen.values());
  }

  /** The departments that have targets of their own for the period. */
  public Set<String> departments(Period period) {
    Set<String> departments = new HashSet<>();
    for (Target target : targets) {
      if (target.period() == period && target.department() != null) {
        departments.add(target.department());
      }
    }
    return departments;
  }
}
