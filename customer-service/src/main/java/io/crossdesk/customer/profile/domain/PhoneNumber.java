package io.crossdesk.customer.profile.domain;

import java.util.regex.Pattern;

/**
 * A phone number as the customer gave it. Spaces and dashes are kept for display but ignored for
 * look-ups, so a caller found under "+49 170-555" is also found under "+49170555".
 */
public record PhoneNumber(String value) {

  /** Digits with an optional leading +, spaces and dashes between them. */
  public static final String FORMAT = "\\+?[0-9]([0-9 -]*[0-9])?";

  public static final int MIN_LENGTH = 5;
  public static final int MAX_LENGTH = 20;

  private static final Pattern PATTERN = Pattern.compile(FORMAT);

  public PhoneNumber {
    value = value == null ? "" : value.strip();
    if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
      throw new InvalidCustomerException(
          "phone", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
    }
    if (!PATTERN.matcher(value).matches()) {
      throw new InvalidCustomerException(
          "phone", "must be digits with an optional leading +, spaces and dashes");
    }
  }

  /** The form phone numbers are stored and searched under. */
  public String lookupKey() {
    return lookupKeyOf(value);
  }

  /** The look-up form of any text a caller searches with, valid number or not. */
  public static String lookupKeyOf(String text) {
    return text.replaceAll("[\\s-]", "");
  }
}
