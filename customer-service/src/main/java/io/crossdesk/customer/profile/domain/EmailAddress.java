package io.crossdesk.customer.profile.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address. Several customers may share one (members of a family), so it identifies no
 * one; it is only a way to find candidates, compared without regard to case.
 */
public record EmailAddress(String value) {

  public static final int MAX_LENGTH = 254;

  private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+");

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

  /** The form e-mail addresses are stored and searched under. */
  public String lookupKey() {
    return lookupKeyOf(value);
  }

  public static String lookupKeyOf(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}
