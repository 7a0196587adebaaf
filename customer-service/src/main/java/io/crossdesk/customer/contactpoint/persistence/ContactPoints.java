package io.crossdesk.customer.contactpoint.persistence;

import io.crossdesk.customer.CustomerProperties;
import io.crossdesk.customer.contactpoint.domain.ContactPointTakenException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who owns each phone number and e-mail address: one document per contact point, its {@code _id}
 * the point itself ({@code phone:+8613812345678}, {@code email:ana@example.org}), so that two
 * customers can never claim the same one, without transactions, on any MongoDB-compatible server.
 *
 * <p>A point is claimed before the customer write that adds it and released after the write that
 * removes it. A claim whose write never happened (the write failed, the instance died) is stale:
 * its owner does not hold the point. A stale claim is taken over once it is older than the claim
 * lease, so that a write still in flight keeps what it claimed; a removed point (claimed long ago)
 * is free at once. Retrying a write is safe: a customer's own claims count as its own.
 */
@Component
public class ContactPoints {

  private final MongoTemplate mongo;
  private final Clock clock;
  private final CustomerProperties properties;

  ContactPoints(MongoTemplate mongo, Clock clock, CustomerProperties properties) {
    this.mongo = mongo;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Claims every point for {@code customerId}, or none.
   *
   * @param holds whether a customer (id) holds a point now, to tell stale claims
   * @return the points newly claimed (release them if the customer write fails)
   * @throws ContactPointTakenException when a point belongs to another customer
   */
  public List<String> claim(
      String customerId, Collection<String> points, BiPredicate<String, String> holds) {
    List<String> claimed = new ArrayList<>();
    for (String point : points) {
      try {
        if (claimOne(customerId, point, holds)) {
          claimed.add(point);
        }
      } catch (ContactPointTakenException taken) {
        release(customerId, claimed);
        throw taken;
      }
    }
    return claimed;
  }

  /** Gives up points {@code customerId} no longer has; other customers' claims are kept. */
  public void release(String customerId, Collection<String> points) {
    for (String point : points) {
      mongo.remove(mine(point, customerId), Claim.class);
    }
  }

  /** The customer that claimed {@code point}, if any (check that they hold it). */
  public Optional<String> owner(String point) {
    return Optional.ofNullable(mongo.findById(point, Claim.class)).map(Claim::customerId);
  }

  private boolean claimOne(String customerId, String point, BiPredicate<String, String> holds) {
    Instant now = clock.instant();
    try {
      mongo.insert(new Claim(point, customerId, now));
      return true;
    } catch (DuplicateKeyException alreadyClaimed) {
      Claim existing = mongo.findById(point, Claim.class);
      if (existing == null) {
        return claimOne(customerId, point, holds); // released meanwhile
      }
      if (existing.customerId().equals(customerId)) {
        return false;
      }
      boolean stale =
          existing.claimedAt().plus(properties.claimLease()).isBefore(now)
              && !holds.test(existing.customerId(), point);
      if (!stale) {
        throw new ContactPointTakenException(point, existing.customerId());
      }
      // Only if nobody else took it over since it was read: the filter names the stale owner.
      long taken =
          mongo
              .updateFirst(
                  mine(point, existing.customerId()),
                  new Update().set("customerId", customerId).set("claimedAt", now),
                  Claim.class)
              .getModifiedCount();
      if (taken == 0) {
        return claimOne(customerId, point, holds);
      }
      return true;
    }
  }

  private static Query mine(String point, String customerId) {
    return Query.query(Criteria.where("_id").is(point).and("customerId").is(customerId));
  }

  /**
   * One claimed contact point. The unique index on {@code (_id, customerId)} can never refuse a
   * write; it lets the embedded server find a claim by both fields without a scan.
   */
  @Document("contact_points")
  @CompoundIndex(name = "id_owner", def = "{'_id': 1, 'customerId': 1}", unique = true)
  record Claim(@Id String id, String customerId, Instant claimedAt) {}
}
