package io.crossdesk.platform.aggregate;

import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.PlatformDeadlineAutoConfiguration;
import io.crossdesk.platform.outbox.OutboxRelay;
import io.crossdesk.platform.outbox.PendingEvents;
import io.crossdesk.platform.outbox.PlatformOutboxAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The aggregate stores. Wired apart from the outbox they write to, so that the outbox does not
 * depend back on aggregates.
 */
@AutoConfiguration(
    after = {PlatformOutboxAutoConfiguration.class, PlatformDeadlineAutoConfiguration.class},
    afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class PlatformAggregateAutoConfiguration {

  @Bean
  AggregateStores aggregateStores(
      MongoTemplate mongo,
      PendingEvents pending,
      OutboxRelay relay,
      ObjectProvider<Deadlines> deadlines) {
    return new AggregateStores(mongo, pending, relay, deadlines.getIfAvailable());
  }
}
