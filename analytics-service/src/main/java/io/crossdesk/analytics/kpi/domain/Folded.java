package io.crossdesk.analytics.kpi.domain;

import java.util.List;

/**
 * An aggregate's state after one of its events, what the event adds to the KPIs, and what it
 * signals to the warnings (a complaint, a sign of churn).
 *
 * @param <S> what analytics remembers of the aggregate
 */
public record Folded<S>(S state, List<Contribution> contributions, List<Signal> signals) {

  public Folded {
    contributions = List.copyOf(contributions);
    signals = List.copyOf(signals);
  }

  public Folded(S state, List<Contribution> contributions) {
    this(state, contributions, List.of());
  }
}
