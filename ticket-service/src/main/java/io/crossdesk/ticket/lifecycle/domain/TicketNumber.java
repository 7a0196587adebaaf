package io.crossdesk.ticket.lifecycle.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The number people read out on the phone: CD-20261201-000123, the desk's day and that day's
 * sequence. Unique across instances because each instance draws its sequence numbers from one
 * shared counter per day.
 */
public final class TicketNumber {

  public static final Pattern FORMAT = Pattern.compile("CD-\\d{8}-\\d{6,}");

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private TicketNumber() {}

  public static String of(LocalDate day, long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1: " + sequence);
    }
    return "CD-" + day.format(DAY) + "-" + String.format("%06d", sequence);
  }

  public static boolean looksLikeOne(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }
}
