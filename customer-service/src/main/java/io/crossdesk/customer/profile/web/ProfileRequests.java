package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.application.ProfileEdits;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.CustomerValue;
import io.crossdesk.customer.profile.domain.EmailAddress;
import io.crossdesk.customer.profile.domain.PhoneNumber;
import io.crossdesk.customer.profile.domain.Problems;
import io.crossdesk.customer.profile.domain.Profile;
import io.crossdesk.customer.profile.domain.Tier;
import io.crossdesk.customer.profile.domain.TierAssignment;
import io.crossdesk.customer.profile.domain.TierPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns request bodies into profiles: registration (where {@code phone} and {@code email}, the
 * fields of old requests, stand beside {@code phones} and {@code emails}) and edits (JSON merge
 * patch: a field left out stays, {@code null} clears an optional one, an unknown field is an
 * error). Everything is validated before anything is stored.
 */
final class ProfileRequests {

  static final Set<String> EDITABLE =
      Set.of(
          "name",
          "type",
          "keyAccount",
          "region",
          "phones",
          "emails",
          "preferredChannel",
          "locale",
          "notificationConsent",
          "quietHours",
          "accountManager",
          "products",
          "status",
          "yearlyRevenue",
          "customerSince",
          "tierOverride");

  private ProfileRequests() {}

  /** A registration: the profile, and the tier the desk named (or null for the policy). */
  record Registration(Profile profile, TierAssignment manualTier) {}

  static Registration registration(JsonNode body, String countryCode, TierPolicy policy) {
    Problems problems = new Problems();
    JsonFields fields = new JsonFields(problems, countryCode);
    if (body == null || !body.isObject()) {
      problems.add("body", "must be a JSON object");
      problems.throwIfAny();
    }
    List<PhoneNumber> phones = new ArrayList<>();
    boolean legacyPhone = body.has("phone") && !body.has("phones");
    boolean legacyEmail = body.has("email") && !body.has("emails");
    String phone = fields.text(body.get("phone"), "phone");
    if (phone != null) {
      phones.addAll(fields.phones(List.of(phone), "phone"));
    }
    List<PhoneNumber> more = fields.phones(fields.texts(body.get("phones"), "phones"), "phones");
    if (more != null) {
      phones.addAll(more);
    }
    List<EmailAddress> emails = new ArrayList<>();
    String email = fields.text(body.get("email"), "email");
    if (email != null) {
      emails.addAll(fields.emails(List.of(email), "email"));
    }
    List<EmailAddress> moreEmails =
        fields.emails(fields.texts(body.get("emails"), "emails"), "emails");
    if (moreEmails != null) {
      emails.addAll(moreEmails);
    }
    Tier tier = fields.tier(body.get("tier"), "tier");
    String tierReason = fields.text(body.get("tierReason"), "tierReason");
    Boolean keyAccount = fields.bool(body.get("keyAccount"), "keyAccount");
    Boolean consent = fields.bool(body.get("notificationConsent"), "notificationConsent");
    BigDecimal revenue = fields.amount(body.get("yearlyRevenue"), "yearlyRevenue");
    LocalDate since = fields.date(body.get("customerSince"), "customerSince");
    Map<String, String> rename =
        Map.of(
            "phones",
            legacyPhone || !body.has("phones") ? "phone" : "phones",
            "emails",
            legacyEmail || !body.has("emails") ? "email" : "emails",
            "tierOverride.reason",
            "tierReason");
    String name = fields.text(body.get("name"), "name");
    var type = fields.type(body.get("type"));
    var channel = fields.channel(body.get("preferredChannel"), "preferredChannel");
    String region = fields.text(body.get("region"), "region");
    String locale = fields.text(body.get("locale"), "locale");
    var quietHours = fields.quietHours(body.get("quietHours"));
    String manager = fields.text(body.get("accountManager"), "accountManager");
    List<String> products = fields.texts(body.get("products"), "products");
    var status = fields.status(body.get("status"));
    Profile profile =
        fields.rule(
            () ->
                new Profile(
                    name,
                    type,
                    Boolean.TRUE.equals(keyAccount),
                    region,
                    phones,
                    emails,
                    channel,
                    locale,
                    !Boolean.FALSE.equals(consent),
                    quietHours,
                    manager,
                    products,
                    status,
                    new CustomerValue(revenue, since)),
            rename);
    TierAssignment manual =
        tier == null
            ? null
            : fields.rule(
                () ->
                    TierAssignment.manual(
                        tier,
                        tierReason == null ? "set at registration" : tierReason,
                        policy.version()),
                rename);
    problems.throwIfAny();
    return new Registration(profile, manual);
  }

  /** A merge patch applied to the customer as stored. */
  static ProfileEdits.Edit edit(JsonNode patch, Customer current, String countryCode) {
    Problems problems = new Problems();
    JsonFields fields = new JsonFields(problems, countryCode);
    if (patch == null || !patch.isObject()) {
      problems.add("body", "must be a JSON object (a merge patch)");
      problems.throwIfAny();
    }
    for (String field : patch.propertyNames()) {
      if (!EDITABLE.contains(field)) {
        problems.add(field, "is not a field that can be edited");
      }
    }
    Profile old = current.profile();
    String name = has(patch, "name") ? fields.text(patch.get("name"), "name") : old.name();
    var type = has(patch, "type") ? fields.type(patch.get("type")) : old.type();
    Boolean keyAccount =
        has(patch, "keyAccount")
            ? fields.bool(patch.get("keyAccount"), "keyAccount")
            : old.keyAccount();
    String region =
        has(patch, "region") ? fields.text(patch.get("region"), "region") : old.region();
    List<PhoneNumber> phones =
        has(patch, "phones")
            ? fields.phones(fields.texts(patch.get("phones"), "phones"), "phones")
            : old.phones();
    List<EmailAddress> emails =
        has(patch, "emails")
            ? fields.emails(fields.texts(patch.get("emails"), "emails"), "emails")
            : old.emails();
    var channel =
        has(patch, "preferredChannel")
            ? fields.channel(patch.get("preferredChannel"), "preferredChannel")
            : old.preferredChannel();
    String locale =
        has(patch, "locale") ? fields.text(patch.get("locale"), "locale") : old.locale();
    Boolean consent =
        has(patch, "notificationConsent")
            ? fields.bool(patch.get("notificationConsent"), "notificationConsent")
            : old.notificationConsent();
    var quietHours =
        has(patch, "quietHours") ? fields.quietHours(patch.get("quietHours")) : old.quietHours();
    String manager =
        has(patch, "accountManager")
            ? fields.text(patch.get("accountManager"), "accountManager")
            : old.accountManager();
    List<String> products =
        has(patch, "products") ? fields.texts(patch.get("products"), "products") : old.products();
    var status = has(patch, "status") ? fields.status(patch.get("status")) : old.status();
    BigDecimal revenue =
        has(patch, "yearlyRevenue")
            ? fields.amount(patch.get("yearlyRevenue"), "yearlyRevenue")
            : old.value().yearlyRevenue();
    LocalDate since =
        has(patch, "customerSince")
            ? fields.date(patch.get("customerSince"), "customerSince")
            : old.value().customerSince();
    Customer.TierEdit tierEdit = tierEdit(patch, fields, problems);
    if (has(patch, "notificationConsent")
        && consent == null
        && !problems.names("notificationConsent")) {
      problems.add("notificationConsent", "must be true or false");
    }
    if (has(patch, "keyAccount") && keyAccount == null && !problems.names("keyAccount")) {
      problems.add("keyAccount", "must be true or false");
    }
    Profile profile =
        fields.rule(
            () ->
                new Profile(
                    name,
                    type,
                    Boolean.TRUE.equals(keyAccount),
                    region,
                    phones,
                    emails,
                    channel,
                    locale == null ? "" : locale,
                    Boolean.TRUE.equals(consent),
                    quietHours,
                    manager,
                    products,
                    status == null && has(patch, "status") ? invalidStatus(problems) : status,
                    new CustomerValue(revenue, since)),
            Map.of());
    problems.throwIfAny();
    return new ProfileEdits.Edit(profile, tierEdit);
  }

  private static Customer.TierEdit tierEdit(JsonNode patch, JsonFields fields, Problems problems) {
    if (!has(patch, "tierOverride")) {
      return Customer.TierEdit.KEEP;
    }
    JsonNode override = patch.get("tierOverride");
    if (override.isNull()) {
      return Customer.TierEdit.CLEAR;
    }
    if (!override.isObject()) {
      problems.add("tierOverride", "must be {tier, reason}, or null to clear the override");
      return Customer.TierEdit.KEEP;
    }
    Tier tier = fields.tier(override.get("tier"), "tierOverride.tier");
    String reason = fields.text(override.get("reason"), "tierOverride.reason");
    if (tier == null && !problems.names("tierOverride.tier")) {
      problems.add("tierOverride.tier", "must be given");
    }
    if ((reason == null || reason.isBlank()) && !problems.names("tierOverride.reason")) {
      problems.add("tierOverride.reason", "a tier override needs a reason");
    }
    return Customer.TierEdit.override(tier, reason);
  }

  private static io.crossdesk.customer.profile.domain.CustomerStatus invalidStatus(
      Problems problems) {
    if (!problems.names("status")) {
      problems.add("status", "must be one of ACTIVE, SUSPENDED, CLOSED");
    }
    return null;
  }

  private static boolean has(JsonNode patch, String field) {
    return patch.has(field);
  }
}
