package io.crossdesk.platform.config;

import io.crossdesk.contracts.Topics;
import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.platform.consumer.DeadLetterAdmin;
import io.crossdesk.platform.consumer.DeadLetterController;
import io.crossdesk.platform.consumer.DeadLetterProperties;
import io.crossdesk.platform.consumer.DeadLetters;
import io.crossdesk.platform.consumer.DeferredRetries;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.consumer.ProcessedEventsProperties;
import io.crossdesk.platform.consumer.ProcessedEventsPurge;
import io.crossdesk.platform.deadline.DeadlineHandler;
import io.crossdesk.platform.deadline.DeadlineMeters;
import io.crossdesk.platform.deadline.DeadlinePoller;
import io.crossdesk.platform.deadline.DeadlineProperties;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.health.MongoPingHealthIndicator;
import io.crossdesk.platform.outbox.OutboxLeaseCheck;
import io.crossdesk.platform.outbox.OutboxProperties;
import io.crossdesk.platform.outbox.OutboxRelay;
import io.crossdesk.platform.outbox.ParkedEvents;
import io.crossdesk.platform.outbox.ParkedEventsController;
import io.crossdesk.platform.outbox.PendingEvents;
import io.crossdesk.platform.web.ProblemDetailsAdvice;
import io.crossdesk.platform.web.TraceparentFilter;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox relay, idempotent consumption, dead letters, topics and deadline timers for every service.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    })
@EnableConfigurationProperties({
  OutboxProperties.class,
  DeadLetterProperties.class,
  ProcessedEventsProperties.class,
  DeadlineProperties.class
})
public class PlatformMessagingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Events events(JsonMapper json, @Value("${spring.application.name}") String service, Clock clock) {
    return new Events(json, service, clock);
  }

  @Bean
  PendingEvents pendingEvents(MongoTemplate mongo, OutboxProperties properties, Clock clock) {
    return new PendingEvents(mongo, clock, properties.lease());
  }

  @Bean
  ParkedEvents parkedEvents(MongoTemplate mongo) {
    return new ParkedEvents(mongo);
  }

  @Bean
  OutboxRelay outboxRelay(
      MongoTemplate mongo,
      KafkaTemplate<String, String> kafka,
      KafkaProperties kafkaProperties,
      PendingEvents pending,
      ParkedEvents parked,
      OutboxProperties properties,
      Clock clock,
      MeterRegistry meters) {
    OutboxLeaseCheck.requireLongerThanASend(
        properties.lease(), kafkaProperties.buildProducerProperties());
    return new OutboxRelay(mongo, kafka, pending, parked, properties, clock, meters);
  }

  @Bean
  AggregateStores aggregateStores(MongoTemplate mongo, PendingEvents pending, OutboxRelay relay) {
    return new AggregateStores(mongo, pending, relay);
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  ParkedEventsController parkedEventsController(
      ParkedEvents parked, KafkaTemplate<String, String> kafka, MongoTemplate mongo) {
    return new ParkedEventsController(parked, kafka, mongo);
  }

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
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  DeadLetterController deadLetterController(DeadLetterAdmin admin) {
    return new DeadLetterController(admin);
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

  @Bean
  MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
    return new MongoPingHealthIndicator(mongo);
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  ProblemDetailsAdvice problemDetailsAdvice() {
    return new ProblemDetailsAdvice();
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  TraceparentFilter traceparentFilter() {
    return new TraceparentFilter();
  }

  /** Deadline timers, fired by whichever instance claims them first; handlers are beans. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(MongoTemplate.class)
  static class DeadlineConfiguration {

    @Bean
    Deadlines deadlines(MongoTemplate mongo, Clock clock) {
      return new Deadlines(mongo, clock);
    }

    @Bean
    DeadlineMeters deadlineMeters(MeterRegistry meters) {
      return new DeadlineMeters(meters);
    }

    @Bean
    DeadlinePoller deadlinePoller(
        MongoTemplate mongo,
        ObjectProvider<DeadlineHandler> handlers,
        DeadlineProperties properties,
        Clock clock,
        DeadlineMeters meters) {
      return new DeadlinePoller(
          mongo, handlers.orderedStream().toList(), properties, clock, meters);
    }
  }
}
