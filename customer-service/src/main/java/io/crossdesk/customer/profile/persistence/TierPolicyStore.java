package io.crossdesk.customer.profile.persistence;

import io.crossdesk.customer.profile.domain.TierPolicy;
import io.crossdesk.customer.profile.domain.TierThreshold;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The tier policy as data: every version is kept ({@code _id} {@code v<N>}), so each tier decision
 * can be traced to the thresholds it followed. The current one is the highest version, found by
 * {@code _id} through the {@code current} pointer document.
 */
@Component
public class TierPolicyStore {

  private static final String CURRENT = "current";

  private final MongoTemplate mongo;

  TierPolicyStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The policy in force; empty until an ADMIN sets one. */
  public Optional<TierPolicy> current() {
    return Optional.ofNullable(mongo.findById(CURRENT, PolicyDocument.class))
        .map(PolicyDocument::toPolicy);
  }

  /**
   * Stores {@code next} and puts it in force, unless another change took its version first.
   *
   * @return false when the version was taken; nothing is stored then
   */
  public boolean putInForce(TierPolicy next) {
    try {
      // The version document is the claim on the version: two concurrent changes cannot both win.
      mongo.insert(PolicyDocument.of("v" + next.version(), next));
    } catch (DuplicateKeyException taken) {
      return false;
    }
    mongo.save(PolicyDocument.of(CURRENT, next));
    return true;
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
}
