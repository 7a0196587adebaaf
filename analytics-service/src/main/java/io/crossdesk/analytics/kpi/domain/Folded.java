package io.crossdesk.analytics.kpi.domain;

import java.util.List;

/**
 * An aggregate's state after one of its events, and what the event adds to the KPIs.
 *
 * @param <S> what analytics remembers of the aggregate
 */
public record Folded<S>(S state, List<Contribution> contributions) {

  public Folded {
    contributions = List.copyOf(contributions);
  }
}
