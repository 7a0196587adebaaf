package io.crossdesk.ticket.customer;

import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import java.time.Clock;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The local copy of customer tiers, fed by customer events and by the synchronous fallback, so that
 * opening a ticket needs no call to customer-service in the usual case.
 */
@Component
public class CustomerProjection {

  private final MongoTemplate mongo;
  private final Clock clock;

  CustomerProjection(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  public Optional<KnownCustomer> find(String customerId) {
    return Optional.ofNullable(mongo.findById(customerId, CustomerDocument.class))
        .map(found -> new KnownCustomer(found.id(), found.tier(), found.name()));
  }

  /** Upsert: replaying an event or learning the same customer twice changes nothing. */
  public void remember(KnownCustomer customer) {
    mongo.upsert(
        Query.query(Criteria.where("_id").is(customer.customerId())),
        new Update()
            .set("tier", customer.tier())
            .set("name", customer.name())
            .set("updatedAt", clock.instant()),
        CustomerDocument.class);
  }

  @Document("customers")
  record CustomerDocument(@Id String id, CustomerTier tier, String name) {}
}
