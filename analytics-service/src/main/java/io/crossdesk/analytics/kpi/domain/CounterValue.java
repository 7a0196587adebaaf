package io.crossdesk.analytics.kpi.domain;

/** How often a counter was incremented. */
public record CounterValue(Counter counter, long count) {}
