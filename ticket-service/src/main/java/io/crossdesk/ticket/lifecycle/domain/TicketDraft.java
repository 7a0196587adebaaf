package io.crossdesk.ticket.lifecycle.domain;

import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;

/**
 * What a ticket is about, checked before any ticket is opened with it. {@code type} and {@code
 * priority} are optional: left out, they follow from the category, the customer's tier and the
 * type.
 *
 * @param region where the request is (e.g. {@code CN-SH}), optional: left out, the customer's
 */
public record TicketDraft(
    String customerId,
    Channel channel,
    String category,
    TicketType type,
    Priority priority,
    String title,
    String description,
    String region) {

  public static final int TITLE_MAX = 200;
  public static final String REGION_PATTERN = "[A-Za-z0-9_.-]{1,64}";
  public static final int DESCRIPTION_MAX = 5000;

  public TicketDraft {
    require(customerId != null && !customerId.isBlank(), "customerId", "must not be blank");
    require(channel != null, "channel", "must not be null");
    require(category != null && !category.isBlank(), "category", "must not be blank");
    require(title != null && !title.isBlank(), "title", "must not be blank");
    require(title.length() <= TITLE_MAX, "title", "must be at most " + TITLE_MAX + " characters");
    require(
        description == null || description.length() <= DESCRIPTION_MAX,
        "description",
        "must be at most " + DESCRIPTION_MAX + " characters");
    require(
        region == null || region.matches(REGION_PATTERN),
        "region",
        "must be a region code such as CN-SH");
  }

  /** A draft without a region of its own. */
  public TicketDraft(
      String customerId,
      Channel channel,
      String category,
      TicketType type,
      Priority priority,
      String title,
      String description) {
    this(customerId, channel, category, type, priority, title, description, null);
  }

  /** The same request in {@code defaultRegion} unless it names a region itself. */
  public TicketDraft inRegionUnlessGiven(String defaultRegion) {
    return region != null || defaultRegion == null
        ? this
        : new TicketDraft(
            customerId, channel, category, type, priority, title, description, defaultRegion);
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidTicketException(field, message);
    }
  }
}
