package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.domain.Channel;
import io.crossdesk.customer.profile.domain.CustomerStatus;
import io.crossdesk.customer.profile.domain.CustomerType;
import io.crossdesk.customer.profile.domain.EmailAddress;
import io.crossdesk.customer.profile.domain.InvalidCustomerException;
import io.crossdesk.customer.profile.domain.PhoneNumber;
import io.crossdesk.customer.profile.domain.Problems;
import io.crossdesk.customer.profile.domain.QuietHours;
import io.crossdesk.customer.profile.domain.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the customer fields of a JSON body one by one, noting every field that is wrong in {@link
 * Problems} instead of stopping at the first, so an answer names them all.
 */
final class JsonFields {

  private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  private final Problems problems;
  private final String countryCode;

  JsonFields(Problems problems, String countryCode) {
    this.problems = problems;
    this.countryCode = countryCode;
  }

  String text(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      problems.add(field, "must be a string");
      return null;
    }
    return node.asString();
  }

  Boolean bool(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      problems.add(field, "must be true or false");
      return null;
    }
    return node.asBoolean();
  }

  <E extends Enum<E>> E oneOf(JsonNode node, String field, Class<E> type) {
    String text = text(node, field);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      problems.add(
          field,
          "must be one of "
              + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
      return null;
    }
  }

  CustomerType type(JsonNode node) {
    return oneOf(node, "type", CustomerType.class);
  }

  Tier tier(JsonNode node, String field) {
    return oneOf(node, field, Tier.class);
  }

  Channel channel(JsonNode node, String field) {
    return oneOf(node, field, Channel.class);
  }

  CustomerStatus status(JsonNode node) {
    return oneOf(node, "status", CustomerStatus.class);
  }

  List<String> texts(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      problems.add(field, "must be an array of strings");
      return null;
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isString()) {
        problems.add(field, "must be an array of strings");
        return null;
      }
      values.add(item.asString());
    }
    return values;
  }

  List<PhoneNumber> phones(List<String> texts, String field) {
    if (texts == null) {
      return null;
    }
    List<PhoneNumber> phones = new ArrayList<>();
    for (String text : texts) {
      PhoneNumber phone = problems.check(field, () -> PhoneNumber.parse(text, countryCode));
      if (phone != null) {
        phones.add(phone);
      }
    }
    return phones;
  }

  List<EmailAddress> emails(List<String> texts, String field) {
    if (texts == null) {
      return null;
    }
    List<EmailAddress> emails = new ArrayList<>();
    for (String text : texts) {
      EmailAddress email = problems.check(field, () -> new EmailAddress(text));
      if (email != null) {
        emails.add(email);
      }
    }
    return emails;
  }

  QuietHours quietHours(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add("quietHours", "must be an object {from, to, zone}");
      return null;
    }
    LocalTime from = time(node.get("from"), "quietHours.from");
    LocalTime to = time(node.get("to"), "quietHours.to");
    ZoneId zone = null;
    String zoneText = text(node.get("zone"), "quietHours.zone");
    if (zoneText == null) {
      problems.add("quietHours.zone", "must be a time zone, e.g. Asia/Shanghai");
    } else {
      try {
        zone = ZoneId.of(zoneText);
      } catch (RuntimeException e) {
        problems.add("quietHours.zone", "must be a time zone, e.g. Asia/Shanghai");
      }
    }
    if (from == null || to == null || zone == null) {
      return null;
    }
    LocalTime start = from;
    LocalTime end = to;
    ZoneId in = zone;
    return problems.check("quietHours", () -> new QuietHours(start, end, in));
  }

  BigDecimal amount(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber()) {
      problems.add(field, "must be a number");
      return null;
    }
    BigDecimal amount = node.decimalValue();
    if (amount.signum() < 0) {
      problems.add(field, "must not be negative");
      return null;
    }
    return amount;
  }

  LocalDate date(JsonNode node, String field) {
    String text = text(node, field);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(field, "must be a date, yyyy-MM-dd");
      return null;
    }
  }

  private LocalTime time(JsonNode node, String field) {
    String text = text(node, field);
    if (text == null || !HH_MM.matcher(text).matches()) {
      problems.add(field, "must be a time of day, HH:mm");
      return null;
    }
    return LocalTime.parse(text);
  }

  /**
   * Runs a domain rule over fields read so far, noting what it refuses, except for fields already
   * found wrong (their placeholder values would only repeat the error).
   *
   * @param rename field names the domain uses mapped to the ones the request used
   */
  <T> T rule(java.util.function.Supplier<T> check, java.util.Map<String, String> rename) {
    try {
      return check.get();
    } catch (InvalidCustomerException e) {
      e.problems().stream()
          .map(problem -> rename.getOrDefault(problem.field(), problem.field()))
          .distinct()
          .forEach(
              field ->
                  e.problems().stream()
                      .filter(p -> rename.getOrDefault(p.field(), p.field()).equals(field))
                      .findFirst()
                      .ifPresent(
                          p -> {
                            if (!problems.names(field)) {
                              problems.add(field, p.message());
                            }
                          }));
      return null;
    }
  }
}
