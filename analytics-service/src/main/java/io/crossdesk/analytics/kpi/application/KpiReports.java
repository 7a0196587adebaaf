package io.crossdesk.analytics.kpi.application;

import io.crossdesk.analytics.kpi.domain.Counters;
import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.Granularity;
import io.crossdesk.analytics.kpi.domain.KpiFigures;
import io.crossdesk.analytics.kpi.domain.KpiTotals;
import io.crossdesk.analytics.kpi.domain.Period;
import io.crossdesk.analytics.kpi.persistence.GenerationStore;
import io.crossdesk.analytics.kpi.persistence.KpiBucketStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * KPI reports, summed from the stored hour or day buckets: a request reads one document per stored
 * bucket and source partition, never the events.
 */
@Service
public class KpiReports {

  /** One report: its range and settings, and each period's groups. */
  public record Report(
      Instant from,
      Instant to,
      String zone,
      Period bucket,
      Dimension groupBy,
      List<Bucket> buckets) {}

  /** One period of a report: when it starts, and its groups (only those with anything counted). */
  public record Bucket(Instant start, List<Group> groups) {}

  public record Group(String group, KpiFigures kpis) {}

  /** A report that would cover more than its bucket allows. */
  public static class RangeTooLongException extends RuntimeException {
    RangeTooLongException(Period bucket) {
      super(
          "a report by "
              + bucket.id()
              + " covers at most "
              + bucket.longestRange().toDays()
              + " days");
    }
  }

  private final KpiBucketStore buckets;
  private final GenerationStore generations;
  private final AnalyticsProperties properties;

  KpiReports(KpiBucketStore buckets, GenerationStore generations, AnalyticsProperties properties) {
    this.buckets = buckets;
    this.generations = generations;
    this.properties = properties;
  }

  /**
   * The customers registered so far per group, where customers have the dimension (all, tier);
   * empty for the others.
   */
  private Map<String, Long> customers(int generation, Dimension groupBy) {
    Map<String, Long> customers = new java.util.HashMap<>();
    buckets
        .read(generation, Granularity.TOTAL, List.of(Granularity.ALL_TIME), groupBy)
        .getOrDefault(Granularity.ALL_TIME, Map.of())
        .forEach(
            (group, totals) -> {
              long registered = totals.count(Counters.CUSTOMERS_REGISTERED);
              if (registered > 0 && !Dimension.UNKNOWN.equals(group)) {
                customers.put(group, registered);
              }
            });
    return customers;
  }

  public Report report(Instant from, Instant to, Period bucket, Dimension groupBy) {
    if (Duration.between(from, to).compareTo(bucket.longestRange()) > 0) {
      throw new RangeTooLongException(bucket);
    }
    LocalDateTime localFrom = LocalDateTime.ofInstant(from, properties.zone());
    LocalDateTime localTo = LocalDateTime.ofInstant(to, properties.zone());
    List<LocalDateTime> stored = bucket.storedStarts(localFrom, localTo);
    Map<String, LocalDateTime> periodOf = new LinkedHashMap<>();
    for (LocalDateTime start : stored) {
      periodOf.put(bucket.stored().label(start), bucket.startOf(start));
    }
    int generation = generations.current().served();
    Map<String, Map<String, KpiTotals>> read =
        buckets.read(generation, bucket.stored(), List.copyOf(periodOf.keySet()), groupBy);

    Map<LocalDateTime, Map<String, KpiTotals>> periods = new TreeMap<>();
    periodOf.values().forEach(start -> periods.putIfAbsent(start, new TreeMap<>()));
    read.forEach(
        (label, groups) -> {
          Map<String, KpiTotals> period = periods.get(periodOf.get(label));
          groups.forEach(
              (group, totals) -> period.computeIfAbsent(group, g -> new KpiTotals()).add(totals));
        });
    Map<String, Long> customers = customers(generation, groupBy);
    List<Bucket> report = new ArrayList<>(periods.size());
    periods.forEach(
        (start, groups) -> {
          List<Group> figures = new ArrayList<>(groups.size());
          groups.forEach(
              (group, totals) -> {
                KpiFigures kpis = KpiFigures.of(totals);
                Long base = customers.get(group);
                figures.add(new Group(group, base == null ? kpis : kpis.withCustomers(base)));
              });
          report.add(new Bucket(start.atZone(properties.zone()).toInstant(), figures));
        });
    return new Report(from, to, properties.zone().getId(), bucket, groupBy, report);
  }
}
