package io.crossdesk.workorder.routing.domain;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a rule applies. Each condition left empty matches every ticket; a set condition matches when
 * the ticket has one of its values, and all set conditions must match. Keywords match when the
 * title or the description contains one of them: any case for English, as written for Chinese,
 * which has no case and no spaces between words.
 */
public record RoutingConditions(
    Set<String> ticketTypes,
    Set<String> categories,
    List<String> keywords,
    Set<String> customerTiers,
    Set<String> regions,
    Set<String> channels) {

  public static final RoutingConditions ANY =
      new RoutingConditions(Set.of(), Set.of(), List.of(), Set.of(), Set.of(), Set.of());

  public RoutingConditions {
    ticketTypes = upperCase(ticketTypes);
    categories = upperCase(categories);
    customerTiers = upperCase(customerTiers);
    regions = upperCase(regions);
    channels = upperCase(channels);
    keywords =
        keywords == null
            ? List.of()
            : keywords.stream()
                .filter(keyword -> keyword != null && !keyword.isBlank())
                .map(keyword -> keyword.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
  }

  public boolean matches(RoutingRequest ticket) {
    return oneOf(ticketTypes, ticket.ticketType())
        && oneOf(categories, ticket.category())
        && oneOf(customerTiers, ticket.customerTier())
        && oneOf(regions, ticket.region())
        && oneOf(channels, ticket.channel())
        && mentionsAKeyword(ticket);
  }

  public boolean isEmpty() {
    return equals(ANY);
  }

  private boolean mentionsAKeyword(RoutingRequest ticket) {
    if (keywords.isEmpty()) {
      return true;
    }
    String text =
        ((ticket.title() == null ? "" : ticket.title())
                + "\n"
                + (ticket.description() == null ? "" : ticket.description()))
            .toLowerCase(Locale.ROOT);
    return keywords.stream().anyMatch(text::contains);
  }

  private static boolean oneOf(Set<String> values, String value) {
    return values.isEmpty() || (value != null && values.contains(normalize(value)));
  }

  private static String normalize(String value) {
    return value.trim().toUpperCase(Locale.ROOT);
  }

  private static Set<String> upperCase(Collection<String> values) {
    Set<String> normalized = new TreeSet<>();
    if (values != null) {
      values.stream()
          .filter(value -> value != null && !value.isBlank())
          .forEach(value -> normalized.add(normalize(value)));
    }
    return Set.copyOf(normalized);
  }
}
