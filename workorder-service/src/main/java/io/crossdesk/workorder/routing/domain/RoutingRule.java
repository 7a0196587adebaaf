package io.crossdesk.workorder.routing.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sends requests of the given categories to a department. Rules are tried by ascending {@code
 * order}; categories are compared in upper case so that "network" and "NETWORK" route alike.
 */
public record RoutingRule(
    String id, Set<String> categories, Department department, int order, String description) {

  public static final String DEFAULT_ID = "default";

  public RoutingRule {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a routing rule needs an id");
    }
    Objects.requireNonNull(department, "department");
    categories = normalized(categories == null ? Set.of() : categories);
    description = description == null ? "" : description;
  }

  public boolean matches(String category) {
    return category != null && categories.contains(normalize(category));
  }

  public boolean isDefault() {
    return DEFAULT_ID.equals(id);
  }

  public static String normalize(String category) {
    return category.trim().toUpperCase(Locale.ROOT);
  }

  private static Set<String> normalized(Collection<String> categories) {
    Set<String> upperCase = new TreeSet<>();
    categories.forEach(category -> upperCase.add(normalize(category)));
    return Collections.unmodifiableSet(upperCase);
  }
}
