package io.crossdesk.customer.profile.persistence;

import io.crossdesk.customer.profile.domain.Channel;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.CustomerId;
import io.crossdesk.customer.profile.domain.CustomerStatus;
import io.crossdesk.customer.profile.domain.CustomerType;
import io.crossdesk.customer.profile.domain.CustomerValue;
import io.crossdesk.customer.profile.domain.EmailAddress;
import io.crossdesk.customer.profile.domain.PhoneNumber;
import io.crossdesk.customer.profile.domain.Profile;
import io.crossdesk.customer.profile.domain.QuietHours;
import io.crossdesk.customer.profile.domain.Tier;
import io.crossdesk.customer.profile.domain.TierAssignment;
import io.crossdesk.customer.profile.domain.TierBasis;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer as stored; the aggregate store adds its version (the revision) and the events its last
 * change caused until they are published. {@code phone} and {@code email} are the first of each, as
 * documents before several were kept; uniqueness of phones and e-mails lives in {@code
 * contact_points}. The indexes serve the desk's search by name prefix, tier and region on real
 * MongoDB; the embedded server scans for them.
 */
@Document("customers")
@CompoundIndex(name = "name_search", def = "{'nameKey': 1, '_id': 1}")
@CompoundIndex(name = "region_search", def = "{'region': 1, 'nameKey': 1, '_id': 1}")
@CompoundIndex(name = "tier_search", def = "{'tier': 1, 'region': 1, 'nameKey': 1, '_id': 1}")
public record CustomerDocument(
    @Id String id,
    String name,
    String nameKey,
    CustomerType type,
    Tier tier,
    TierBasis tierBasis,
    String tierReason,
    Integer tierPolicyVersion,
    Boolean keyAccount,
    String region,
    String phone,
    List<String> phones,
    String email,
    List<String> emails,
    Channel preferredChannel,
    String locale,
    Boolean notificationConsent,
    String quietHoursFrom,
    String quietHoursTo,
    String quietHoursZone,
    String accountManager,
    List<String> products,
    CustomerStatus status,
    String yearlyRevenue,
    LocalDate customerSince,
    Instant registeredAt,
    String registeredBy,
    Instant updatedAt,
    String updatedBy) {

  /** Country code for numbers stored before numbers were kept in E.164 form. */
  private static final String LEGACY_COUNTRY_CODE = "86";

  /** The customer as it should be stored. */
  public static CustomerDocument of(Customer customer) {
    Profile profile = customer.profile();
    QuietHours quiet = profile.quietHours();
    return new CustomerDocument(
        customer.id().value(),
        profile.name(),
        nameKeyOf(profile.name()),
        profile.type(),
        customer.tier().tier(),
        customer.tier().basis(),
        customer.tier().reason(),
        customer.tier().policyVersion(),
        profile.keyAccount(),
        profile.region(),
        profile.phone().value(),
        profile.phones().stream().map(PhoneNumber::value).toList(),
        profile.email().value(),
        profile.emails().stream().map(EmailAddress::value).toList(),
        profile.preferredChannel(),
        profile.locale(),
        profile.notificationConsent(),
        quiet == null ? null : quiet.from().toString(),
        quiet == null ? null : quiet.to().toString(),
        quiet == null ? null : quiet.zone().getId(),
        profile.accountManager(),
        profile.products(),
        profile.status(),
        profile.value().yearlyRevenue() == null
            ? null
            : profile.value().yearlyRevenue().toPlainString(),
        profile.value().customerSince(),
        customer.registeredAt(),
        customer.registeredBy(),
        customer.updatedAt(),
        customer.updatedBy());
  }

  public static String nameKeyOf(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  public Customer toCustomer(long version) {
    List<PhoneNumber> phoneNumbers =
        phones != null
            ? phones.stream().map(PhoneNumber::new).toList()
            : List.of(PhoneNumber.parse(phone, LEGACY_COUNTRY_CODE));
    List<EmailAddress> addresses =
        emails != null
            ? emails.stream().map(EmailAddress::new).toList()
            : List.of(new EmailAddress(email));
    Profile profile =
        new Profile(
            name,
            type,
            Boolean.TRUE.equals(keyAccount),
            region,
            phoneNumbers,
            addresses,
            preferredChannel,
            locale,
            Boolean.TRUE.equals(notificationConsent),
            quietHoursFrom == null
                ? null
                : new QuietHours(
                    LocalTime.parse(quietHoursFrom),
                    LocalTime.parse(quietHoursTo),
                    ZoneId.of(quietHoursZone)),
            accountManager,
            products,
            status,
            new CustomerValue(
                yearlyRevenue == null ? null : new BigDecimal(yearlyRevenue), customerSince));
    TierAssignment assignment =
        new TierAssignment(
            tier,
            tierBasis == null ? TierBasis.MANUAL : tierBasis,
            tierReason == null ? "set at registration" : tierReason,
            tierPolicyVersion == null ? 0 : tierPolicyVersion);
    return new Customer(
        new CustomerId(id),
        version,
        profile,
        assignment,
        registeredAt,
        registeredBy,
        updatedAt == null ? registeredAt : updatedAt,
        updatedBy == null ? registeredBy : updatedBy);
  }
}
