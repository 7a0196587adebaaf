package io.crossdesk.analytics.kpi.domain;

import java.util.List;

/** What analytics remembers of one customer's events: the ids of those already counted. */
public record CustomerState(List<String> counted) {

  public CustomerState {
    counted = List.copyOf(counted);
  }

  public static CustomerState unknown() {
    return new CustomerState(List.of());
  }
}
