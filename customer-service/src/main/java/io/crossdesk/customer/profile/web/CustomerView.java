package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.domain.Channel;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.CustomerStatus;
import io.crossdesk.customer.profile.domain.CustomerType;
import io.crossdesk.customer.profile.domain.Profile;
import io.crossdesk.customer.profile.domain.Tier;
import io.crossdesk.customer.profile.domain.TierBasis;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer as the API shows it. {@code phone} and {@code email} are the first of {@code phones}
 * and {@code emails}. Masked for department staff whose step does not need to reach the customer.
 */
public record CustomerView(
    String id,
    long revision,
    String name,
    CustomerType type,
    Tier tier,
    TierView tierDecision,
    boolean keyAccount,
    String region,
    String phone,
    List<String> phones,
    String email,
    List<String> emails,
    boolean contactMasked,
    Channel preferredChannel,
    String locale,
    boolean notificationConsent,
    QuietHoursView quietHours,
    String accountManager,
    List<String> products,
    CustomerStatus status,
    BigDecimal yearlyRevenue,
    LocalDate customerSince,
    Instant registeredAt,
    Instant updatedAt) {

  /** Why the customer has their tier; {@code basis} MANUAL is an override that sticks. */
  public record TierView(TierBasis basis, String reason, int policyVersion) {}

  public record QuietHoursView(String from, String to, String zone) {}

  public static CustomerView of(Customer customer) {
    return of(customer, false);
  }

  public static CustomerView of(Customer customer, boolean masked) {
    Profile profile = customer.profile();
    List<String> phones =
        profile.phones().stream().map(phone -> masked ? phone.masked() : phone.value()).toList();
    List<String> emails =
        profile.emails().stream().map(email -> masked ? email.masked() : email.value()).toList();
    return new CustomerView(
        customer.id().value(),
        customer.revision(),
        profile.name(),
        profile.type(),
        customer.tier().tier(),
        new TierView(
            customer.tier().basis(), customer.tier().reason(), customer.tier().policyVersion()),
        profile.keyAccount(),
        profile.region(),
        phones.get(0),
        phones,
        emails.get(0),
        emails,
        masked,
        profile.preferredChannel(),
        profile.locale(),
        profile.notificationConsent(),
        profile.quietHours() == null
            ? null
            : new QuietHoursView(
                profile.quietHours().from().toString(),
                profile.quietHours().to().toString(),
                profile.quietHours().zone().getId()),
        profile.accountManager(),
        profile.products(),
        profile.status(),
        profile.value().yearlyRevenue(),
        profile.value().customerSince(),
        customer.registeredAt(),
        customer.updatedAt());
  }

  static String etagOf(Customer customer) {
    return "\"" + customer.revision() + "\"";
  }
}
