package io.crossdesk.customer.profile.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Profiles for domain tests. */
final class Profiles {

  private Profiles() {}

  static Profile valued(String name, String revenue, LocalDate since) {
    return new Profile(
        name,
        CustomerType.ENTERPRISE,
        false,
        "CN-SH",
        List.of(new PhoneNumber("+8613812345678")),
        List.of(new EmailAddress("desk@acme.example")),
        Channel.HOTLINE,
        null,
        true,
        null,
        null,
        List.of("LEASED_LINE"),
        null,
        new CustomerValue(revenue == null ? null : new BigDecimal(revenue), since));
  }

  static Profile named(String name) {
    return valued(name, null, null);
  }
}
