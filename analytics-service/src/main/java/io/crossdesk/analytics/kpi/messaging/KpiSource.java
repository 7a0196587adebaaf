package io.crossdesk.analytics.kpi.messaging;

import io.crossdesk.analytics.kpi.domain.CustomerLedger;
import io.crossdesk.analytics.kpi.domain.CustomerState;
import io.crossdesk.analytics.kpi.domain.Granularity;
import io.crossdesk.analytics.kpi.domain.Ledger;
import io.crossdesk.analytics.kpi.domain.OpenTicket;
import io.crossdesk.analytics.kpi.domain.TicketLedger;
import io.crossdesk.analytics.kpi.domain.TicketState;
import io.crossdesk.analytics.kpi.domain.WorkOrderLedger;
import io.crossdesk.analytics.kpi.domain.WorkOrderState;
import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventContract;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A topic the KPIs are counted from: the event types counted on it, the ledger that counts them and
 * what it remembers per aggregate (the topic's key), the names of its state stores, and, for
 * tickets, which aggregates are in the backlog.
 *
 * @param <S> what is remembered per aggregate
 * @param backlog the aggregate as the backlog lists it when it is open, or null when the topic has
 *     no backlog
 * @param granularities the buckets its events count in
 */
record KpiSource<S>(
    String name,
    String topic,
    Map<String, Class<? extends Record>> counted,
    Ledger<S> ledger,
    Class<S> stateType,
    BiFunction<String, S, OpenTicket> backlog,
    Set<Granularity> granularities) {

  static final KpiSource<TicketState> TICKETS =
      new KpiSource<>(
          "tickets",
          Topics.TICKETS,
          types(
              EventTypes.TICKET_OPENED,
              EventTypes.TICKET_RESOLVED,
              EventTypes.TICKET_REOPENED,
              EventTypes.TICKET_CLOSED,
              EventTypes.TICKET_ESCALATED,
              EventTypes.SATISFACTION_RECORDED),
          new TicketLedger(),
          TicketState.class,
          (ticketId, state) -> state.asOpen(ticketId),
          Set.of(Granularity.HOUR, Granularity.DAY));

  static final KpiSource<WorkOrderState> WORK_ORDERS =
      new KpiSource<>(
          "workorders",
          Topics.WORKORDERS,
          types(
              EventTypes.WORKORDER_ROUTED,
              EventTypes.WORKORDER_STEP_COMPLETED,
              EventTypes.WORKORDER_STEP_RETURNED,
              EventTypes.WORKORDER_TRANSFERRED,
              EventTypes.WORKORDER_ESCALATED),
          new WorkOrderLedger(),
          WorkOrderState.class,
          null,
          Set.of(Granularity.HOUR, Granularity.DAY));

  /** Customers: counted by day and in all, for the complaints per 1,000 customers. */
  static final KpiSource<CustomerState> CUSTOMERS =
      new KpiSource<>(
          "customers",
          Topics.CUSTOMERS,
          types(EventTypes.CUSTOMER_REGISTERED),
          new CustomerLedger(),
          CustomerState.class,
          null,
          Set.of(Granularity.DAY, Granularity.TOTAL));

  static final List<KpiSource<?>> ALL = List.of(TICKETS, WORK_ORDERS, CUSTOMERS);

  String stateStore() {
    return name;
  }

  String bucketStore() {
    return name + "-buckets";
  }

  String changedStore() {
    return name + "-buckets-changed";
  }

  String openStore() {
    return name + "-open";
  }

  boolean hasBacklog() {
    return backlog != null;
  }

  private static Map<String, Class<? extends Record>> types(String... types) {
    return List.of(types).stream()
        .map(type -> EventCatalogue.byType(type).orElseThrow())
        .collect(Collectors.toUnmodifiableMap(EventContract::type, EventContract::dataType));
  }
}
