package io.crossdesk.analytics.kpi.messaging;

import io.crossdesk.analytics.kpi.application.AnalyticsProperties;
import io.crossdesk.analytics.kpi.persistence.KpiBucketStore;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream engine the KPIs are computed by: Kafka Streams, exactly once (each event's effect on
 * the state stores is committed in one transaction with its input offset), one thread, its state in
 * {@link AnalyticsProperties#stateDir()} and in changelog topics on the broker. Several instances
 * share the partitions as one consumer group does.
 */
@Component
class KpiEngine implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(KpiEngine.class);

  private final AnalyticsProperties properties;
  private final String bootstrapServers;
  private final JsonMapper json;
  private final KpiBucketStore copies;
  private volatile KafkaStreams streams;

  KpiEngine(
      AnalyticsProperties properties,
      @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
      JsonMapper json,
      KpiBucketStore copies) {
    this.properties = properties;
    this.bootstrapServers = bootstrapServers;
    this.json = json;
    this.copies = copies;
  }

  Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    for (KpiSource<?> source : KpiSource.ALL) {
      count(builder, source);
    }
    return builder.build();
  }

  private <S> void count(StreamsBuilder builder, KpiSource<S> source) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(source.stateStore()),
            Serdes.String(),
            StoredJson.of(json, source.stateType())));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(source.bucketStore()),
            Serdes.String(),
            StoredJson.totals(json)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(source.changedStore()), Serdes.String(), Serdes.Long()));
    builder.stream(source.topic(), Consumed.with(Serdes.String(), Serdes.String()))
        .process(
            () ->
                new KpiProcessor<>(
                    source,
                    json,
                    properties.zone(),
                    copies,
                    properties.generation(),
                    properties.flushInterval()),
            source.stateStore(),
            source.bucketStore(),
            source.changedStore());
  }

  Properties configuration() {
    Properties config = new Properties();
    config.put(
        StreamsConfig.APPLICATION_ID_CONFIG,
        properties.applicationId() + "-g" + properties.generation());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
    config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir());
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    return config;
  }

  @Override
  public void start() {
    KafkaStreams engine = new KafkaStreams(topology(), configuration());
    engine.setUncaughtExceptionHandler(
        failure -> {
          log.error("The KPI engine's thread failed; it is replaced and resumes", failure);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    engine.start();
    streams = engine;
  }

  @Override
  public void stop() {
    KafkaStreams engine = streams;
    if (engine != null) {
      engine.close(Duration.ofSeconds(30));
      streams = null;
    }
  }

  @Override
  public boolean isRunning() {
    return streams != null;
  }

  /** Whether the engine is processing (not starting, rebalancing or failed). */
  boolean isProcessing() {
    KafkaStreams engine = streams;
    return engine != null && engine.state() == KafkaStreams.State.RUNNING;
  }
}
