package io.crossdesk.platform.deadline;

import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.PlatformEventsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Deadline timers, fired by whichever instance claims them first; handlers are beans. */
@AutoConfiguration(
    after = PlatformEventsAutoConfiguration.class,
    afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties(DeadlineProperties.class)
public class PlatformDeadlineAutoConfiguration {

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
      Deadlines deadlines,
      ObjectProvider<DeadlineHandler> handlers,
      DeadlineProperties properties,
      Clock clock,
      DeadlineMeters meters,
      Events events) {
    return new DeadlinePoller(
        deadlines, handlers.orderedStream().toList(), properties, clock, meters, events.traces());
  }
}
