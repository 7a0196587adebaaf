package io.crossdesk.platform.outbox;

import io.crossdesk.platform.events.PlatformEventsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** The outbox: pending and parked events, and the relay that publishes them. */
@AutoConfiguration(
    after = PlatformEventsAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"
    })
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformOutboxAutoConfiguration {

  /** Writer leases go by real time, whatever clock the service runs its business on. */
  @Bean
  PendingEvents pendingEvents(MongoTemplate mongo, OutboxProperties properties, Clock clock) {
    return new PendingEvents(mongo, clock, Clock.systemUTC(), properties.lease());
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
}
