package io.crossdesk.analytics.kpi.domain;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The KPIs of one bucket and group, computed from its totals (docs/analytics.md defines each).
 * Shares are null where there is nothing to divide by.
 */
public record KpiFigures(
    long ticketsOpened,
    long complaintsOpened,
    long ticketsResolved,
    long complaintsResolved,
    long ticketsClosed,
    long ticketsReopened,
    Double reopenRate,
    long resolvedAtFirstContact,
    Double firstContactResolutionRate,
    Durations resolutionTime,
    Durations resolutionBusinessTime,
    Attainment resolutionSla,
    Durations firstResponseTime,
    Durations firstResponseBusinessTime,
    Attainment firstResponseSla,
    long slaWarnings,
    SortedMap<Integer, Long> escalationsByLevel,
    Satisfaction satisfaction,
    Steps steps,
    Long customers,
    Double complaintsPer1000Customers) {

  /**
   * These figures rated on a customer base: the complaints opened per 1,000 of {@code customers}.
   */
  public KpiFigures withCustomers(long customers) {
    return new KpiFigures(
        ticketsOpened,
        complaintsOpened,
        ticketsResolved,
        complaintsResolved,
        ticketsClosed,
        ticketsReopened,
        reopenRate,
        resolvedAtFirstContact,
        firstContactResolutionRate,
        resolutionTime,
        resolutionBusinessTime,
        resolutionSla,
        firstResponseTime,
        firstResponseBusinessTime,
        firstResponseSla,
        slaWarnings,
        escalationsByLevel,
        satisfaction,
        steps,
        customers,
        customers == 0 ? null : round(1000.0 * complaintsOpened / customers));
  }

  /** The work-order steps of the departments: routing, OLAs, returns, transfers, call-backs. */
  public record Steps(
      long routed,
      Durations routingTime,
      long completed,
      Durations stepTime,
      Attainment ola,
      long returned,
      Double returnRate,
      long transferred,
      Double transferRate,
      long escalations,
      long callBacksDone,
      long callBacksWithin3Days,
      Double callBacksWithin3DaysShare) {

    static Steps of(KpiTotals totals) {
      long routed = totals.count(Counters.STEPS_ROUTED);
      long completed = totals.count(Counters.STEPS_COMPLETED);
      long returned = totals.count(Counters.STEPS_RETURNED);
      long transferred = totals.count(Counters.STEPS_TRANSFERRED);
      long callBacks = totals.count(Counters.CALL_BACKS_DONE);
      long prompt = totals.count(Counters.CALL_BACKS_WITHIN_3_DAYS);
      return new Steps(
          routed,
          Durations.of(totals, Counters.ROUTING_TIME),
          completed,
          Durations.of(totals, Counters.STEP_TIME),
          Attainment.of(
              totals.count(Counters.STEP_OLA_MET), totals.count(Counters.STEP_OLA_BREACHED)),
          returned,
          share(returned, completed),
          transferred,
          share(transferred, routed),
          totals.count(Counters.STEP_ESCALATIONS),
          callBacks,
          prompt,
          share(prompt, callBacks));
    }
  }

  /** How long something took: how many, their average and percentiles, in seconds. */
  public record Durations(long count, Double averageSeconds, Double p50Seconds, Double p90Seconds) {

    static Durations of(KpiTotals totals, String metric) {
      long count = totals.count(metric + "Count");
      if (count == 0) {
        return new Durations(0, null, null, null);
      }
      SortedMap<Integer, Long> histogram = totals.histogram(metric);
      return new Durations(
          count,
          round((double) totals.count(metric + "Seconds") / count),
          round(Histogram.percentile(histogram, 0.5)),
          round(Histogram.percentile(histogram, 0.9)));
    }
  }

  /** Targets met and breached, and the share met. */
  public record Attainment(long met, long breached, Double shareMet) {

    static Attainment of(long met, long breached) {
      return new Attainment(met, breached, share(met, met + breached));
    }
  }

  /** Survey answers: how many, their average score and how many gave each score. */
  public record Satisfaction(
      long answered, Double average, SortedMap<Integer, Long> distribution) {}

  public static KpiFigures of(KpiTotals totals) {
    long resolved = totals.count(Counters.TICKETS_RESOLVED);
    long reopened = totals.count(Counters.TICKETS_REOPENED);
    long firstContact = totals.count(Counters.RESOLVED_AT_FIRST_CONTACT);
    SortedMap<Integer, Long> escalations = new TreeMap<>();
    SortedMap<Integer, Long> scores = new TreeMap<>();
    for (Map.Entry<String, Long> counter : totals.counts().entrySet()) {
      Integer level = suffix(counter.getKey(), Counters.ESCALATIONS_LEVEL);
      if (level != null) {
        escalations.put(level, counter.getValue());
      }
      Integer score = suffix(counter.getKey(), Counters.SATISFACTION_SCORE);
      if (score != null) {
        scores.put(score, counter.getValue());
      }
    }
    long answered = totals.count(Counters.SURVEYS_ANSWERED);
    return new KpiFigures(
        totals.count(Counters.TICKETS_OPENED),
        totals.count(Counters.COMPLAINTS_OPENED),
        resolved,
        totals.count(Counters.COMPLAINTS_RESOLVED),
        totals.count(Counters.TICKETS_CLOSED),
        reopened,
        share(reopened, resolved),
        firstContact,
        share(firstContact, resolved),
        Durations.of(totals, Counters.RESOLUTION_TIME),
        Durations.of(totals, Counters.RESOLUTION_BUSINESS_TIME),
        Attainment.of(
            totals.count(Counters.RESOLUTION_SLA_MET),
            totals.count(Counters.RESOLUTION_SLA_BREACHED)),
        Durations.of(totals, Counters.FIRST_RESPONSE_TIME),
        Durations.of(totals, Counters.FIRST_RESPONSE_BUSINESS_TIME),
        Attainment.of(
            totals.count(Counters.FIRST_RESPONSE_SLA_MET),
            totals.count(Counters.FIRST_RESPONSE_SLA_BREACHED)),
        totals.count(Counters.SLA_WARNINGS),
        escalations,
        new Satisfaction(
            answered,
            answered == 0
                ? null
                : round((double) totals.count(Counters.SATISFACTION_POINTS) / answered),
            scores),
        Steps.of(totals),
        null,
        null);
  }

  static Double share(long part, long whole) {
    return whole == 0 ? null : round((double) part / whole);
  }

  private static Double round(Double value) {
    return value == null ? null : Math.round(value * 10_000) / 10_000.0;
  }

  private static Integer suffix(String counter, String prefix) {
    if (!counter.startsWith(prefix) || counter.length() == prefix.length()) {
      return null;
    }
    try {
      return Integer.valueOf(counter.substring(prefix.length()));
    } catch (NumberFormatException notNumbered) {
      return null;
    }
  }
}
