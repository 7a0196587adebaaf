package io.crossdesk.customer.profile.domain;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the desk keeps about a customer and may edit. Phones and e-mails are kept in order (the
 * first is the one to use) without repeats; at least one of each.
 */
public record Profile(
    String name,
    CustomerType type,
    boolean keyAccount,
    String region,
    List<PhoneNumber> phones,
    List<EmailAddress> emails,
    Channel preferredChannel,
    String locale,
    boolean notificationConsent,
    QuietHours quietHours,
    String accountManager,
    List<String> products,
    CustomerStatus status,
    CustomerValue value) {

  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_CONTACT_POINTS = 10;
  public static final int MAX_PRODUCTS = 50;

  /** Locales the desk's messages exist in; one line here adds another. */
  public static final List<String> LOCALES = List.of("zh-CN", "en-US");

  public static final String DEFAULT_LOCALE = "zh-CN";

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  public Profile {
    Problems problems = new Problems();
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      problems.add("name", "must not be blank");
    } else if (name.length() > MAX_NAME_LENGTH) {
      problems.add("name", "must be at most " + MAX_NAME_LENGTH + " characters long");
    }
    if (type == null) {
      problems.add("type", "must be given");
    }
    if (region != null && !CODE.matcher(region).matches()) {
      problems.add("region", "must be a code of 1 to 64 letters, digits, '_', '.' or '-'");
    }
    phones = distinct(phones, PhoneNumber::lookupKey);
    emails = distinct(emails, EmailAddress::lookupKey);
    if (phones.isEmpty()) {
      problems.add("phones", "at least one phone number is needed");
    } else if (phones.size() > MAX_CONTACT_POINTS) {
      problems.add("phones", "at most " + MAX_CONTACT_POINTS + " phone numbers");
    }
    if (emails.isEmpty()) {
      problems.add("emails", "at least one e-mail address is needed");
    } else if (emails.size() > MAX_CONTACT_POINTS) {
      problems.add("emails", "at most " + MAX_CONTACT_POINTS + " e-mail addresses");
    }
    locale = locale == null ? DEFAULT_LOCALE : locale;
    if (!LOCALES.contains(locale)) {
      problems.add("locale", "must be one of " + String.join(", ", LOCALES));
    }
    if (accountManager != null && !CODE.matcher(accountManager).matches()) {
      problems.add(
          "accountManager", "must be a staff id of 1 to 64 letters, digits, '_', '.' or '-'");
    }
    products = products == null ? List.of() : List.copyOf(new LinkedHashSet<>(products));
    if (products.size() > MAX_PRODUCTS) {
      problems.add("products", "at most " + MAX_PRODUCTS + " products");
    } else if (!products.stream().allMatch(product -> CODE.matcher(product).matches())) {
      problems.add("products", "each must be a code of 1 to 64 letters, digits, '_', '.' or '-'");
    }
    status = status == null ? CustomerStatus.ACTIVE : status;
    value = value == null ? CustomerValue.UNKNOWN : value;
    problems.throwIfAny();
  }

  public PhoneNumber phone() {
    return phones.get(0);
  }

  public EmailAddress email() {
    return emails.get(0);
  }

  /** The contact points ({@code phone:<E.164>}, {@code email:<address>}) that identify them. */
  public Set<String> contactPoints() {
    Set<String> points = new LinkedHashSet<>();
    phones.forEach(phone -> points.add("phone:" + phone.lookupKey()));
    emails.forEach(email -> points.add("email:" + email.lookupKey()));
    return points;
  }

  /** The names of the fields whose values differ from {@code before}'s, in a stable order. */
  public List<String> changedSince(Profile before) {
    Map<String, Boolean> same = new LinkedHashMap<>();
    same.put("name", name.equals(before.name));
    same.put("type", type == before.type);
    same.put("keyAccount", keyAccount == before.keyAccount);
    same.put("region", Objects.equals(region, before.region));
    same.put("phones", phones.equals(before.phones));
    same.put("emails", emails.equals(before.emails));
    same.put("preferredChannel", preferredChannel == before.preferredChannel);
    same.put("locale", locale.equals(before.locale));
    same.put("notificationConsent", notificationConsent == before.notificationConsent);
    same.put("quietHours", Objects.equals(quietHours, before.quietHours));
    same.put("accountManager", Objects.equals(accountManager, before.accountManager));
    same.put("products", products.equals(before.products));
    same.put("status", status == before.status);
    same.put("yearlyRevenue", compare(value.yearlyRevenue(), before.value.yearlyRevenue()) == 0);
    same.put("customerSince", Objects.equals(value.customerSince(), before.value.customerSince()));
    return same.entrySet().stream()
        .filter(entry -> !entry.getValue())
        .map(Map.Entry::getKey)
        .toList();
  }

  private static int compare(java.math.BigDecimal a, java.math.BigDecimal b) {
    if (a == null || b == null) {
      return a == b ? 0 : 1;
    }
    return a.compareTo(b);
  }

  private static <T> List<T> distinct(List<T> values, java.util.function.Function<T, String> key) {
    if (values == null) {
      return List.of();
    }
    Map<String, T> byKey = new LinkedHashMap<>();
    values.stream()
        .filter(Objects::nonNull)
        .forEach(value -> byKey.putIfAbsent(key.apply(value), value));
    return List.copyOf(byKey.values());
  }
}
