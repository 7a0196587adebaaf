package io.crossdesk.customer.tier;

import io.crossdesk.customer.tier.domain.TierPolicy;
import io.crossdesk.customer.tier.domain.TierThreshold;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The tier policy as data: every version is kept ({@code _id} {@code v<N>}), so each tier decision
 * can be traced to the thresholds it followed. The current one is the highest version, found by
 * {@code _id} through the {@code current} pointer document. Until an ADMIN sets one, {@link
 * TierPolicy#DEFAULT} is in force.
 */
@Component
public class TierPolicies {

  private static final String CURRENT = "current";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final TierSweep sweep;

  TierPolicies(MongoTemplate mongo, Clock clock, TierSweep sweep) {
    this.mongo = mongo;
    this.clock = clock;
    this.sweep = sweep;
  }

  public TierPolicy current() {
    PolicyDocument current = mongo.findById(CURRENT, PolicyDocument.class);
    return current == null ? TierPolicy.DEFAULT : current.toPolicy();
  }

  /**
   * Sets the next version and re-tiers existing customers in the background.
   *
   * @throws io.crossdesk.customer.tier.domain.InvalidTierPolicyException when the thresholds leave
   *     a tier unreachable or are out of order; nothing is stored then
   * @throws ConcurrentPolicyChangeException when another change took the same version
   */
  public TierPolicy set(TierThreshold a, TierThreshold b, String setBy) {
    TierPolicy next = current().next(a, b, clock.instant().truncatedTo(ChronoUnit.MILLIS), setBy);
    try {
      // The version document is the claim on the version: two concurrent changes cannot both win.
      mongo.insert(PolicyDocument.of("v" + next.version(), next));
    } catch (DuplicateKeyException taken) {
      throw new ConcurrentPolicyChangeException(next.version());
    }
    mongo.save(PolicyDocument.of(CURRENT, next));
    sweep.requestPass();
    return next;
  }

  @Document("tier_policies")
  record PolicyDocument(
      @Id String id,
      int version,
      String aMinYearlyRevenue,
      int aMinTenureYears,
      String bMinYearlyRevenue,
      int bMinTenureYears,
      Instant setAt,
      String setBy) {

    static PolicyDocument of(String id, TierPolicy policy) {
      return new PolicyDocument(
          id,
          policy.version(),
          policy.a().minYearlyRevenue().toPlainString(),
          policy.a().minTenureYears(),
          policy.b().minYearlyRevenue().toPlainString(),
          policy.b().minTenureYears(),
          policy.setAt(),
          policy.setBy());
    }

    TierPolicy toPolicy() {
      return new TierPolicy(
          version,
          new TierThreshold(new BigDecimal(aMinYearlyRevenue), aMinTenureYears),
          new TierThreshold(new BigDecimal(bMinYearlyRevenue), bMinTenureYears),
          setAt,
          setBy);
    }
  }

  /** Two ADMINs changed the policy at once; the later one should look again. */
  public static class ConcurrentPolicyChangeException extends RuntimeException {
    ConcurrentPolicyChangeException(int version) {
      super("The tier policy was changed meanwhile (version " + version + "); read it again.");
    }
  }
}
