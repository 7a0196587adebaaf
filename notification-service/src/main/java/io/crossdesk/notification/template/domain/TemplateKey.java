package io.crossdesk.notification.template.domain;

import java.util.Objects;

/** Which template: one per kind of message, channel and locale. */
public record TemplateKey(MessageKind kind, Channel channel, String locale) {

  public TemplateKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    String given = locale;
    locale =
        Locales.supported(given)
            .orElseThrow(() -> new IllegalArgumentException("unsupported locale " + given));
  }

  /** The stored id, {@code <kind>|<channel>|<locale>}. */
  public String id() {
    return kind.id() + "|" + channel + "|" + locale;
  }
}
