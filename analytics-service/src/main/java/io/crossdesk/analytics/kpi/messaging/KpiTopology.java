package io.crossdesk.analytics.kpi.messaging;

import io.crossdesk.analytics.kpi.application.AnalyticsProperties;
import io.crossdesk.analytics.kpi.domain.ComplaintHours;
import io.crossdesk.analytics.kpi.domain.CustomerRisk;
import io.crossdesk.analytics.kpi.domain.OpenTicket;
import io.crossdesk.analytics.kpi.domain.Signal;
import io.crossdesk.analytics.kpi.domain.SpikeRule;
import io.crossdesk.analytics.kpi.persistence.KpiBucketStore;
import io.crossdesk.contracts.Topics;
import io.crossdesk.platform.events.Traces;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's topology and settings: Kafka Streams, exactly once (each event's effect on the state
 * stores is committed in one transaction with its input offset), one thread, its state in {@link
 * AnalyticsProperties#stateDir()} and in changelog topics on the broker. Several instances share
 * the partitions as one consumer group does. Each generation of the figures is an application of
 * its own ({@code <application id>-g<generation>}).
 */
final class KpiTopology {

  private final AnalyticsProperties properties;
  private final String bootstrapServers;
  private final JsonMapper json;
  private final KpiBucketStore copies;
  private final Timer visibleAfter;
  private final Traces traces;

  KpiTopology(
      AnalyticsProperties properties,
      String bootstrapServers,
      JsonMapper json,
      KpiBucketStore copies,
      Timer visibleAfter,
      Traces traces) {
    this.traces = traces;
    this.properties = properties;
    this.bootstrapServers = bootstrapServers;
    this.json = json;
    this.copies = copies;
    this.visibleAfter = visibleAfter;
  }

  String applicationId(int generation) {
    return properties.applicationId() + "-g" + generation;
  }

  /** The topology of one generation: its buckets are copied under its number. */
  Topology build(int generation) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Signal> signals = null;
    for (KpiSource<?> source : KpiSource.ALL) {
      KStream<String, Signal> counted = count(builder, source, generation);
      signals = signals == null ? counted : signals.merge(counted);
    }
    warn(builder, signals);
    return builder.build();
  }

  /**
   * Customers at risk, keyed by customer, and complaint spikes, keyed by category and region: each
   * a repartition of the signals the counting passes on, so a customer's or a key's signals meet in
   * one task, and a store of its own. Raised warnings go to {@code crossdesk.analytics}.
   */
  private void warn(StreamsBuilder builder, KStream<String, Signal> signals) {
    Serde<Signal> signalSerde = StoredJson.of(json, Signal.class);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RiskProcessor.STORE),
                Serdes.String(),
                StoredJson.of(json, CustomerRisk.class))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SpikeProcessor.STORE),
                Serdes.String(),
                StoredJson.of(json, ComplaintHours.class))
            .withCachingEnabled());
    signals
        .filter((key, signal) -> signal.customerId() != null)
        .selectKey((key, signal) -> signal.customerId())
        .repartition(Repartitioned.with(Serdes.String(), signalSerde).withName("risk-signals"))
        .process(() -> new RiskProcessor(json), RiskProcessor.STORE)
        .to(Topics.ANALYTICS, Produced.with(Serdes.String(), Serdes.String()));
    SpikeRule rule = properties.spike().rule();
    signals
        .filter((key, signal) -> signal.isComplaint())
        .selectKey((key, signal) -> signal.spikeKey())
        .repartition(Repartitioned.with(Serdes.String(), signalSerde).withName("complaint-signals"))
        .process(() -> new SpikeProcessor(json, rule), SpikeProcessor.STORE)
        .to(Topics.ANALYTICS, Produced.with(Serdes.String(), Serdes.String()));
  }

  private <S> KStream<String, Signal> count(
      StreamsBuilder builder, KpiSource<S> source, int generation) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(source.stateStore()),
                Serdes.String(),
                StoredJson.of(json, source.stateType()))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(source.bucketStore()),
                Serdes.String(),
                StoredJson.totals(json))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(source.changedStore()),
                Serdes.String(),
                Serdes.Long())
            .withCachingEnabled());
    List<String> stores =
        new ArrayList<>(List.of(source.stateStore(), source.bucketStore(), source.changedStore()));
    if (source.hasBacklog()) {
      builder.addStateStore(
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(source.openStore()),
                  Serdes.String(),
                  StoredJson.of(json, OpenTicket.class))
              .withCachingEnabled());
      stores.add(source.openStore());
    }
    return builder.stream(source.topic(), Consumed.with(Serdes.String(), Serdes.String()))
        .process(
            () ->
                new KpiProcessor<>(
                    source, json, copies, properties, generation, visibleAfter, traces),
            stores.toArray(String[]::new));
  }

  /** The engine settings of one generation: its own application id, so its own group and state. */
  Properties configuration(int generation) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(generation));
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
    config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir());
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    // An instance that dies without leaving the group hands its partitions over after 10 s, not
    // the consumers' default 45 s.
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    // As the services' listeners (PlatformDefaults): an idle fetch is answered empty after 2 s
    // rather than 500 ms, a fetch with records at once.
    config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 2_000);
    return config;
  }
}
