package io.crossdesk.ticket.ticket.domain;

import java.util.regex.Pattern;

/** What a ticket is about, checked before any ticket is opened with it. */
public record TicketDraft(
    String customerId,
    Channel channel,
    String category,
    Priority priority,
    String title,
    String description) {

  public static final String CATEGORY_PATTERN = "[A-Z][A-Z_]{1,39}";
  public static final int TITLE_MAX = 200;
  public static final int DESCRIPTION_MAX = 5000;

  private static final Pattern CATEGORY = Pattern.compile(CATEGORY_PATTERN);

  public TicketDraft {
    require(customerId != null && !customerId.isBlank(), "customerId", "must not be blank");
    require(channel != null, "channel", "must not be null");
    require(
        category != null && CATEGORY.matcher(category).matches(),
        "category",
        "must be an upper-case word matching " + CATEGORY_PATTERN);
    priority = priority == null ? Priority.NORMAL : priority;
    require(title != null && !title.isBlank(), "title", "must not be blank");
    require(title.length() <= TITLE_MAX, "title", "must be at most " + TITLE_MAX + " characters");
    require(
        description == null || description.length() <= DESCRIPTION_MAX,
        "description",
        "must be at most " + DESCRIPTION_MAX + " characters");
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidTicketException(field, message);
    }
  }
}
