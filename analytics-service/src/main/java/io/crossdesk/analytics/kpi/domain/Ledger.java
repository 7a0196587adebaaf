package io.crossdesk.analytics.kpi.domain;

/**
 * Folds one aggregate's events, in the order they happened, into what each adds to the KPIs. An
 * event already counted, or of a type the ledger does not count, adds nothing.
 *
 * @param <S> what analytics remembers of the aggregate
 */
public interface Ledger<S> {

  /** The state of an aggregate none of whose events has been counted yet. */
  S unknown();

  Folded<S> fold(S before, String eventId, Object event);
}
