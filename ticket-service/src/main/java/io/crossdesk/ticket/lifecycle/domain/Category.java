package io.crossdesk.ticket.lifecycle.domain;

import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An entry of the category catalogue: what a request is about, named in both desk languages, with
 * the type and priority a ticket of it gets when the request names none.
 */
public record Category(
    String code, String nameZh, String nameEn, TicketType defaultType, Priority defaultPriority) {

  public static final String CODE_PATTERN = "[A-Z][A-Z_]{1,39}";

  private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

  public Category {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidTicketException(
          "code", "must be an upper-case word matching " + CODE_PATTERN);
    }
    if (nameZh == null || nameZh.isBlank() || nameEn == null || nameEn.isBlank()) {
      throw new InvalidTicketException("name", "must be given in zh-CN and en-US");
    }
    Objects.requireNonNull(defaultType, "defaultType");
    Objects.requireNonNull(defaultPriority, "defaultPriority");
  }

  public String name(String locale) {
    return locale != null && locale.startsWith("zh") ? nameZh : nameEn;
  }
}
