package io.crossdesk.customer.profile.domain;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, the country code and the national number, at most 15
 * digits. Numbers are given in any usual spelling (spaces, dashes, dots, brackets, a {@code 00}
 * international prefix) and stored and compared in this form only; a number without a country code
 * belongs to the desk's default country, its trunk prefix {@code 0} dropped.
 */
public record PhoneNumber(String value) {

  public static final int MIN_LENGTH = 5;
  public static final int MAX_LENGTH = 20;

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern SPELLING = Pattern.compile("\\+?[0-9][0-9 ().-]*[0-9]");

  /** Country codes of two digits; 1 and 7 have one, every other code three. */
  private static final Set<String> TWO_DIGIT_CODES =
      Set.of(
          "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
          "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
          "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

  public PhoneNumber {
    if (value == null || !E164.matcher(value).matches()) {
      throw new InvalidCustomerException(
          "phone", "must be an E.164 number: + and 7 to 15 digits, e.g. +8613812345678");
    }
  }

  /**
   * Reads a number as a person types it.
   *
   * @param defaultCountryCode the country code of numbers given without one, e.g. {@code 86}
   */
  public static PhoneNumber parse(String text, String defaultCountryCode) {
    String given = text == null ? "" : text.strip();
    if (given.length() < MIN_LENGTH || given.length() > MAX_LENGTH) {
      throw new InvalidCustomerException(
          "phone", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
    }
    if (!SPELLING.matcher(given).matches()) {
      throw new InvalidCustomerException(
          "phone", "must be digits with an optional leading +, spaces, dashes, dots and brackets");
    }
    String digits = given.replaceAll("[^0-9+]", "");
    String e164;
    if (digits.startsWith("+")) {
      e164 = digits;
    } else if (digits.startsWith("00")) {
      e164 = "+" + digits.substring(2);
    } else {
      e164 = "+" + defaultCountryCode + (digits.startsWith("0") ? digits.substring(1) : digits);
    }
    if (!E164.matcher(e164).matches()) {
      throw new InvalidCustomerException(
          "phone", "must make an E.164 number of 7 to 15 digits with its country code");
    }
    return new PhoneNumber(e164);
  }

  /** The key the number is claimed and searched under: the E.164 form itself. */
  public String lookupKey() {
    return value;
  }

  /**
   * The number as staff without a need to call see it: country code, the first three and the last
   * four digits, e.g. {@code +86 138****5678}.
   */
  public String masked() {
    String digits = value.substring(1);
    int codeLength =
        digits.startsWith("1") || digits.startsWith("7")
            ? 1
            : TWO_DIGIT_CODES.contains(digits.substring(0, 2)) ? 2 : 3;
    String national = digits.substring(codeLength);
    int shown = Math.min(3, Math.max(0, national.length() - 5));
    int hidden = national.length() - shown - 4;
    return "+"
        + digits.substring(0, codeLength)
        + " "
        + national.substring(0, shown)
        + "*".repeat(Math.max(1, hidden))
        + national.substring(national.length() - 4);
  }

  @Override
  public String toString() {
    return value;
  }
}
