package io.crossdesk.customer.profile.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address. It belongs to one customer at most; it is compared and claimed without regard
 * to case.
 */
public record EmailAddress(String value) {

  public static final int MAX_LENGTH = 254;

  private static final Pattern SHAPE =
      Pattern.compile("[^@\\s\"]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9-]+)+");

  public EmailAddress {
    value = value == null ? "" : value.strip();
    if (value.length() > MAX_LENGTH) {
      throw new InvalidCustomerException(
          "email", "must be at most " + MAX_LENGTH + " characters long");
    }
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidCustomerException("email", "must be a well-formed e-mail address");
    }
  }

  /** The form e-mail addresses are claimed and searched under. */
  public String lookupKey() {
    return lookupKeyOf(value);
  }

  public static String lookupKeyOf(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }

  /** The address as staff without a need to write see it: {@code z***@example.com}. */
  public String masked() {
    int at = value.indexOf('@');
    return value.charAt(0) + "***" + value.substring(at);
  }

  @Override
  public String toString() {
    return value;
  }
}
