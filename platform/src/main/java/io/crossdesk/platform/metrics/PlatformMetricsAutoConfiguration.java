package io.crossdesk.platform.metrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** What every service publishes to Prometheus beyond Spring Boot's own meters, and what not. */
@AutoConfiguration
public class PlatformMetricsAutoConfiguration {

  @Bean
  KafkaClientMeters kafkaClientMeters() {
    return new KafkaClientMeters();
  }
}
