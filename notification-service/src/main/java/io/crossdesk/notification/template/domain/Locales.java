package io.crossdesk.notification.template.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The locales templates are written in, as BCP 47 tags. */
public final class Locales {

  public static final String ZH_CN = "zh-CN";
  public static final String EN_US = "en-US";
  public static final List<String> SUPPORTED = List.of(ZH_CN, EN_US);

  private Locales() {}

  /** The supported tag {@code tag} names, whatever its case ("en-us" is en-US). */
  public static Optional<String> supported(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    return SUPPORTED.stream().filter(known -> known.equalsIgnoreCase(tag.strip())).findFirst();
  }

  /**
   * The supported locale closest to a customer's: the same tag, else the same language (zh-TW and
   * zh-Hans-CN read zh-CN, en-GB reads en-US), else none.
   */
  public static Optional<String> closestTo(String tag) {
    Optional<String> exact = supported(tag);
    if (exact.isPresent() || tag == null || tag.isBlank()) {
      return exact;
    }
    String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
    return SUPPORTED.stream()
        .filter(known -> Locale.forLanguageTag(known).getLanguage().equals(language))
        .findFirst();
  }
}
