package io.crossdesk.platform.stuck;

import io.crossdesk.platform.consumer.DeadLetterAdmin;
import io.crossdesk.platform.consumer.PlatformConsumerAutoConfiguration;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.PlatformDeadlineAutoConfiguration;
import io.crossdesk.platform.outbox.ParkedEvents;
import io.crossdesk.platform.outbox.PlatformOutboxAutoConfiguration;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/** Stuck work: parked events, parked deadlines and dead letters behind one admin API. */
@AutoConfiguration(
    after = {
      PlatformOutboxAutoConfiguration.class,
      PlatformDeadlineAutoConfiguration.class,
      PlatformConsumerAutoConfiguration.class
    })
public class PlatformStuckWorkAutoConfiguration {

  @Bean
  @ConditionalOnBean(ParkedEvents.class)
  ParkedOutboxEvents parkedOutboxEvents(ParkedEvents parked, KafkaTemplate<String, String> kafka) {
    return new ParkedOutboxEvents(parked, kafka);
  }

  @Bean
  @ConditionalOnBean(Deadlines.class)
  ParkedDeadlineWork parkedDeadlineWork(Deadlines deadlines) {
    return new ParkedDeadlineWork(deadlines);
  }

  @Bean
  @ConditionalOnBean(DeadLetterAdmin.class)
  DeadLetterWork deadLetterWork(DeadLetterAdmin admin) {
    return new DeadLetterWork(admin);
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  StuckWorkController stuckWorkController(List<StuckWork> kinds) {
    return new StuckWorkController(kinds);
  }
}
