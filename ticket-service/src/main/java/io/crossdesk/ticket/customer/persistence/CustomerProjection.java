package io.crossdesk.ticket.customer.persistence;

import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
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
 *
 * <p>A customer is first learnt from CustomerRegistered or the fallback, which only fill in a
 * customer not known yet, so neither can bring back an older tier. Changes follow
 * CustomerTierChanged and CustomerUpdated, each applied only when its customer revision is newer
 * than the one the projection holds: the tier and the rest (name, key-account flag, region) have a
 * revision each, as both events of one change carry the same revision. A customer's events share
 * its key, so one consumer thread applies them in order; the guard keeps replays harmless.
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
        .filter(found -> found.tier() != null)
        .map(
            found ->
                new KnownCustomer(
                    found.id(),
                    found.tier(),
                    found.name(),
                    Boolean.TRUE.equals(found.keyAccount()),
                    found.region()));
  }

  /** Learns a customer not known yet; a customer known already is left as it is. */
  public void remember(KnownCustomer customer) {
    upsert(
        customer.customerId(),
        new Update()
            .setOnInsert("tier", customer.tier())
            .setOnInsert("name", customer.name())
            .setOnInsert("keyAccount", customer.keyAccount())
            .setOnInsert("tierRevision", 0L)
            .setOnInsert("profileRevision", 0L));
  }

  /** The tier as of customer revision {@code revision}, unless a newer one is known. */
  public void tierChanged(String customerId, long revision, CustomerTier tier) {
    CustomerDocument known = mongo.findById(customerId, CustomerDocument.class);
    if (known != null && revisionOf(known.tierRevision()) >= revision) {
      return;
    }
    upsert(customerId, new Update().set("tier", tier).set("tierRevision", revision));
  }

  /**
   * Tier, and name, key-account flag and region, as of {@code revision}, each unless a newer one is
   * known.
   */
  public void updated(
      String customerId,
      long revision,
      CustomerTier tier,
      String name,
      boolean keyAccount,
      String region) {
    CustomerDocument known = mongo.findById(customerId, CustomerDocument.class);
    Update update = new Update();
    if (known == null || revisionOf(known.tierRevision()) < revision) {
      update.set("tier", tier).set("tierRevision", revision);
    }
    if (known == null || revisionOf(known.profileRevision()) < revision) {
      update
          .set("name", name)
          .set("keyAccount", keyAccount)
          .set("region", region)
          .set("profileRevision", revision);
    }
    if (!update.getUpdateObject().isEmpty()) {
      upsert(customerId, update);
    }
  }

  private void upsert(String customerId, Update update) {
    Query byId = Query.query(Criteria.where("_id").is(customerId));
    update.set("updatedAt", clock.instant());
    try {
      mongo.upsert(byId, update, CustomerDocument.class);
    } catch (DuplicateKeyException insertedMeanwhile) {
      mongo.updateFirst(byId, update, CustomerDocument.class);
    }
  }

  private static long revisionOf(Long revision) {
    return revision == null ? 0 : revision;
  }

  @Document("customers")
  record CustomerDocument(
      @Id String id,
      CustomerTier tier,
      String name,
      Boolean keyAccount,
      String region,
      Long tierRevision,
      Long profileRevision) {}
}
