package io.crossdesk.analytics.goal.application;

import io.crossdesk.analytics.goal.domain.Grade;
import io.crossdesk.analytics.goal.domain.Target;
import io.crossdesk.analytics.goal.domain.TargetSet;
import io.crossdesk.analytics.goal.persistence.TargetStore;
import io.crossdesk.analytics.kpi.application.AnalyticsProperties;
import io.crossdesk.analytics.kpi.application.KpiReports;
import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.KpiFigures;
import io.crossdesk.analytics.kpi.domain.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Department scorecards: each KPI with a target for the department, its figure in a period and the
 * period before, the trend, and a grade; and the ranking of departments by their grades.
 */
@Service
public class Scorecards {

  /** One KPI on a scorecard. {@code trend} is better, worse or same; null without both figures. */
  public record Line(
      String kpi,
      Double value,
      Double previous,
      String trend,
      double target,
      double gradeB,
      Grade grade) {}

  public record Scorecard(
      String department,
      Period period,
      Instant from,
      Instant to,
      int targetsVersion,
      List<Line> lines,
      Double points) {}

  /** A department's place: the mean points of its grades (A 3, B 2, C 1), best first. */
  public record Ranked(int rank, String department, Double points, long a, long b, long c) {}

  private final KpiReports reports;
  private final TargetStore targets;
  private final AnalyticsProperties properties;

  Scorecards(KpiReports reports, TargetStore targets, AnalyticsProperties properties) {
    this.reports = reports;
    this.targets = targets;
    this.properties = properties;
  }

  public Scorecard of(String department, Period period, LocalDate at) {
    TargetSet set = targets.current();
    Periods periods = periods(period, at);
    return scorecard(
        department,
        period,
        periods,
        set,
        figures(periods.current, period),
        figures(periods.previous, period));
  }

  public List<Ranked> ranking(Period period, LocalDate at) {
    TargetSet set = targets.current();
    Periods periods = periods(period, at);
    Map<String, KpiFigures> now = figures(periods.current, period);
    Map<String, KpiFigures> before = figures(periods.previous, period);
    Set<String> departments = new TreeSet<>(now.keySet());
    departments.addAll(set.departments(period));
    departments.remove(Dimension.UNKNOWN);
    List<Scorecard> cards = new ArrayList<>();
    for (String department : departments) {
      cards.add(scorecard(department, period, periods, set, now, before));
    }
    cards.sort(
        Comparator.comparing(
                (Scorecard card) -> card.points() == null ? -1 : card.points(),
                Comparator.reverseOrder())
            .thenComparing(Scorecard::department));
    List<Ranked> ranking = new ArrayList<>();
    for (Scorecard card : cards) {
      ranking.add(
          new Ranked(
              ranking.size() + 1,
              card.department(),
              card.points(),
              count(card, Grade.A),
              count(card, Grade.B),
              count(card, Grade.C)));
    }
    return ranking;
  }

  private Scorecard scorecard(
      String department,
      Period period,
      Periods periods,
      TargetSet set,
      Map<String, KpiFigures> now,
      Map<String, KpiFigures> before) {
    List<Line> lines = new ArrayList<>();
    int points = 0;
    int graded = 0;
    for (Target target : set.forDepartment(department, period)) {
      Double value = target.measure().of(now.get(department));
      Double previous = target.measure().of(before.get(department));
      Grade grade = target.grade(value);
      if (grade != null) {
        points += grade.points();
        graded++;
      }
      lines.add(
          new Line(
              target.measure().id(),
              value,
              previous,
              trend(value, previous, target.measure().higherIsBetter()),
              target.target(),
              target.gradeB(),
              grade));
    }
    return new Scorecard(
        department,
        period,
        periods.current[0],
        periods.current[1],
        set.version(),
        lines,
        graded == 0 ? null : Math.round(100.0 * points / graded) / 100.0);
  }

  private Map<String, KpiFigures> figures(Instant[] range, Period period) {
    Map<String, KpiFigures> byDepartment = new HashMap<>();
    for (KpiReports.Bucket bucket :
        reports.report(range[0], range[1], period, Dimension.DEPARTMENT).buckets()) {
      for (KpiReports.Group group : bucket.groups()) {
        byDepartment.put(group.group(), group.kpis());
      }
    }
    return byDepartment;
  }

  private record Periods(Instant[] current, Instant[] previous) {}

  private Periods periods(Period period, LocalDate at) {
    LocalDateTime start = period.startOf(at.atStartOfDay());
    LocalDateTime end = period.next(start);
    LocalDateTime before = period.previous(start);
    return new Periods(
        new Instant[] {instant(start), instant(end)},
        new Instant[] {instant(before), instant(start)});
  }

  private Instant instant(LocalDateTime local) {
    return local.atZone(properties.zone()).toInstant();
  }

  private static String trend(Double value, Double previous, boolean higherIsBetter) {
    if (value == null || previous == null) {
      return null;
    }
    int compared = Double.compare(value, previous);
    if (compared == 0) {
      return "same";
    }
    return (compared > 0) == higherIsBetter ? "better" : "worse";
  }

  private static long count(Scorecard card, Grade grade) {
    return card.lines().stream().filter(line -> line.grade() == grade).count();
  }
}
