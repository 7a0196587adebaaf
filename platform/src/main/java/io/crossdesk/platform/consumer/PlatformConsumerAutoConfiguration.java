package io.crossdesk.platform.consumer;

import io.crossdesk.contracts.Topics;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.PlatformEventsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** Consuming: idempotent handling, deferred retries, dead letters and the topics themselves. */
@AutoConfiguration(
    after = PlatformEventsAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"
    })
@EnableConfigurationProperties({DeadLetterProperties.class, ProcessedEventsProperties.class})
public class PlatformConsumerAutoConfiguration {

  @Bean
  IdempotentConsumer idempotentConsumer(
      MongoTemplate mongo, Events events, MeterRegistry meters, Clock clock) {
    return new IdempotentConsumer(mongo, events, meters, clock);
  }

  @Bean
  ProcessedEventsPurge processedEventsPurge(
      MongoTemplate mongo, ProcessedEventsProperties properties, Clock clock) {
    return new ProcessedEventsPurge(mongo, properties, clock);
  }

  /** A poison record (one that cannot even be deserialized) never blocks its partition. */
  @Bean
  DefaultKafkaConsumerFactoryCustomizer errorHandlingDeserializers() {
    return factory ->
        factory.updateConfigs(
            Map.of(
                "key.deserializer",
                ErrorHandlingDeserializer.class,
                "value.deserializer",
                ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS,
                StringDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS,
                StringDeserializer.class));
  }

  /** Records that must wait for something not known yet, moved aside instead of blocking. */
  @Bean
  DeferredRetries deferredRetries(
      KafkaProperties kafkaProperties,
      DeadLetterProperties properties,
      Clock clock,
      ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
    Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    // Failed records are forwarded as they came, deserialized or not.
    DefaultKafkaProducerFactory<String, Object> factory =
        new DefaultKafkaProducerFactory<>(
            config,
            new StringSerializer(),
            new DelegatingByTypeSerializer(
                Map.of(
                    byte[].class,
                    new ByteArraySerializer(),
                    String.class,
                    new StringSerializer())));
    // The registry is asked when a record fails, long after the containers (which need the error
    // handler, hence this bean) exist.
    return new DeferredRetries(
        new KafkaTemplate<>(factory),
        () -> consumedTopics(listeners.getObject()),
        properties,
        clock);
  }

  @Bean
  CommonErrorHandler deadLetterErrorHandler(
      DeferredRetries retries, DeadLetterProperties properties, MeterRegistry meters) {
    return DeadLetters.errorHandler(properties, meters, retries);
  }

  private static Set<String> consumedTopics(KafkaListenerEndpointRegistry listeners) {
    return listeners.getListenerContainers().stream()
        .map(container -> container.getContainerProperties().getTopics())
        .filter(Objects::nonNull)
        .flatMap(Arrays::stream)
        .collect(Collectors.toSet());
  }

  @Bean
  DeadLetterAdmin deadLetterAdmin(
      KafkaProperties kafkaProperties,
      KafkaTemplate<String, String> kafka,
      KafkaListenerEndpointRegistry listeners) {
    return new DeadLetterAdmin(
        kafkaProperties.buildConsumerProperties(),
        kafka,
        () ->
            listeners.getListenerContainers().stream()
                .map(MessageListenerContainer::getGroupId)
                .collect(Collectors.toSet()),
        () -> consumedTopics(listeners));
  }

  @Bean
  KafkaAdmin.NewTopics crossdeskTopics(
      @Value("${crossdesk.kafka.partitions:3}") int partitions,
      @Value("${crossdesk.kafka.replication-factor:1}") short replicas) {
    List<NewTopic> topics = new ArrayList<>();
    for (String topic : Topics.ALL) {
      topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build());
      topics.add(
          TopicBuilder.name(Topics.deadLetterOf(topic)).partitions(1).replicas(replicas).build());
    }
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }
}
