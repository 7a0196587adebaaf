package io.crossdesk.gateway.devtoken;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The roles a token may carry in its {@code roles} claim (see the architecture's Identity). */
enum Role {
  CUSTOMER,
  AGENT,
  DEPARTMENT,
  SUPERVISOR,
  ADMIN,
  SYSTEM;

  static final String ALL =
      Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

  static boolean isKnown(String name) {
    return Arrays.stream(values()).anyMatch(role -> role.name().equals(name));
  }
}
