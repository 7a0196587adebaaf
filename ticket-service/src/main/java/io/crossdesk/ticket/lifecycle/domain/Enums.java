package io.crossdesk.ticket.lifecycle.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads enum values from outside input, naming the field and the allowed values on failure. */
public final class Enums {

  private Enums() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw new InvalidTicketException(field, "must be one of " + allowed(type));
  }

  /** Null when none is given (a default applies then): an empty value gives none. */
  public static <E extends Enum<E>> E parseOptional(Class<E> type, String field, String value) {
    return value == null || value.isBlank() ? null : parse(type, field, value);
  }

  public static String allowed(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }
}
