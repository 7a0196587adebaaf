package io.crossdesk.analytics.kpi.messaging;

import io.crossdesk.analytics.kpi.domain.CustomerRisk;
import io.crossdesk.analytics.kpi.domain.RiskLedger;
import io.crossdesk.analytics.kpi.domain.Signal;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.json.JsonMapper;

/** Keeps each customer's signs of churn, keyed by customer, and raises CustomerAtRisk. */
final class RiskProcessor implements Processor<String, Signal, String, String> {

  static final String STORE = "customer-risk";

  private final JsonMapper json;
  private KeyValueStore<String, CustomerRisk> customers;
  private ProcessorContext<String, String> context;

  RiskProcessor(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.customers = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, Signal> record) {
    CustomerRisk before = customers.get(record.key());
    RiskLedger.Result result =
        RiskLedger.fold(
            record.key(), before == null ? CustomerRisk.none() : before, record.value());
    customers.put(record.key(), result.state());
    result
        .raised()
        .ifPresent(
            raised ->
                context.forward(
                    WarningEvents.of(
                        json,
                        raised.customerId(),
                        raised,
                        raised.customerId() + "|" + raised.newReason() + "|" + raised.flaggedAt(),
                        raised.flaggedAt())));
  }
}
