package io.crossdesk.analytics.goal.domain;

import io.crossdesk.analytics.kpi.domain.Period;
import java.util.Objects;

/**
 * A goal for one KPI over a period: grade A when the period's figure reaches {@code target}, B when
 * it reaches {@code gradeB}, C otherwise ("reaches" means at least, or at most for a KPI where less
 * is better).
 *
 * @param department the department it is for, or null for every department without a target of its
 *     own for the KPI and period
 */
public record Target(
    Measure measure, String department, Period period, double target, double gradeB) {

  public Target {
    Objects.requireNonNull(measure, "kpi");
    Objects.requireNonNull(period, "period");
    if (period == Period.HOUR) {
      throw new IllegalArgumentException("period must be day, week or month");
    }
    if (measure.higherIsBetter() ? gradeB > target : gradeB < target) {
      throw new IllegalArgumentException(
          "gradeB must be "
              + (measure.higherIsBetter() ? "at most" : "at least")
              + " the target for "
              + measure.id());
    }
  }

  /** A, B or C for a figure; null when there is no figure to grade. */
  public Grade grade(Double value) {
    if (value == null) {
      return null;
    }
    if (reaches(value, target)) {
      return Grade.A;
    }
    return reaches(value, gradeB) ? Grade.B : Grade.C;
  }

  private boolean reaches(double value, double mark) {
    return measure.higherIsBetter() ? value >= mark : value <= mark;
  }

  public boolean appliesTo(String departmentId) {
    return department == null || department.equals(departmentId);
  }
}
