package io.crossdesk.ticket.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.ticket.IntegrationTestSupport;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.crossdesk.ticket.customer.persistence.CustomerProjection;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The projection follows customer-service's tier and profile changes, newest revision winning. */
class CustomerProjectionIntegrationTest extends IntegrationTestSupport {

  private static final String CONSUMER = "ticket-service.customers";

  @Autowired CustomerProjection projection;

  @Test
  void follows_tier_changes_and_ignores_older_ones_delivered_again() {
    String customerId = unique("tiered");
    registerCustomer(customerId, "B");

    awaitProcessed(CONSUMER, tierChanged(customerId, 2, "B", "A"));
    assertThat(projection.find(customerId)).map(KnownCustomer::tier).hasValue(CustomerTier.A);

    tierChanged(customerId, 1, "C", "B");
    String registeredAgain = registered(customerId, "C");
    awaitProcessed(CONSUMER, registeredAgain);

    assertThat(projection.find(customerId)).map(KnownCustomer::tier).hasValue(CustomerTier.A);
  }

  @Test
  void follows_the_key_account_flag_and_name_from_customer_updated() {
    String customerId = unique("key");
    registerCustomer(customerId, "B");

    awaitProcessed(CONSUMER, updated(customerId, 3, "C", "Renamed Ltd", true));
    KnownCustomer known = projection.find(customerId).orElseThrow();
    assertThat(known.keyAccount()).isTrue();
    assertThat(known.name()).isEqualTo("Renamed Ltd");
    assertThat(known.tier()).isEqualTo(CustomerTier.C);

    // the CustomerTierChanged of the same change, delivered after it, changes nothing
    awaitProcessed(CONSUMER, tierChanged(customerId, 3, "B", "C"));
    awaitProcessed(CONSUMER, updated(customerId, 2, "A", "Old Name", false));
    known = projection.find(customerId).orElseThrow();
    assertThat(known.keyAccount()).isTrue();
    assertThat(known.name()).isEqualTo("Renamed Ltd");
    assertThat(known.tier()).isEqualTo(CustomerTier.C);
  }

  private static String registered(String customerId, String tier) {
    return publish(
        Topics.CUSTOMERS,
        customerId,
        EventTypes.CUSTOMER_REGISTERED,
        """
        {"customerId":"%s","name":"Customer","type":"ENTERPRISE","tier":"%s",
         "phone":"+8613800000000","email":"it@example.com","registeredAt":"%s"}"""
            .formatted(customerId, tier, Instant.now()));
  }

  private static String tierChanged(String customerId, long revision, String from, String to) {
    return publish(
        Topics.CUSTOMERS,
        customerId,
        EventTypes.CUSTOMER_TIER_CHANGED,
        """
        {"customerId":"%s","revision":%d,"from":"%s","to":"%s","reason":"test","basis":"MANUAL",
         "policyVersion":0,"changedBy":"sup-1","changedAt":"%s"}"""
            .formatted(customerId, revision, from, to, Instant.now()));
  }

  private static String updated(
      String customerId, long revision, String tier, String name, boolean keyAccount) {
    return publish(
        Topics.CUSTOMERS,
        customerId,
        EventTypes.CUSTOMER_UPDATED,
        """
        {"customerId":"%s","revision":%d,"changedFields":["keyAccount"],"name":"%s",
         "type":"ENTERPRISE","tier":"%s","keyAccount":%s,"status":"ACTIVE","locale":"zh-CN",
         "notificationConsent":true,"changedBy":"agent-7","changedAt":"%s"}"""
            .formatted(customerId, revision, name, tier, keyAccount, Instant.now()));
  }
}
