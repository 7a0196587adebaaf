package io.crossdesk.analytics.kpi.messaging;

import io.crossdesk.analytics.kpi.domain.ComplaintHours;
import io.crossdesk.analytics.kpi.domain.Signal;
import io.crossdesk.analytics.kpi.domain.SpikeLedger;
import io.crossdesk.analytics.kpi.domain.SpikeRule;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import tools.jackson.databind.json.JsonMapper;

/** Counts complaints per category, region and hour, keyed by the pair, and raises spikes. */
final class SpikeProcessor implements Processor<String, Signal, String, String> {

  static final String STORE = "complaint-hours";

  private final JsonMapper json;
  private final SpikeRule rule;
  private KeyValueStore<String, ComplaintHours> hours;
  private ProcessorContext<String, String> context;

  SpikeProcessor(JsonMapper json, SpikeRule rule) {
    this.json = json;
    this.rule = rule;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.hours = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, Signal> record) {
    ComplaintHours before = hours.get(record.key());
    SpikeLedger.Result result =
        SpikeLedger.fold(before == null ? ComplaintHours.none() : before, record.value(), rule);
    hours.put(record.key(), result.state());
    result
        .raised()
        .ifPresent(
            spike ->
                context.forward(
                    WarningEvents.of(
                        json, spike.anomalyId(), spike, spike.anomalyId(), spike.detectedAt())));
  }
}
