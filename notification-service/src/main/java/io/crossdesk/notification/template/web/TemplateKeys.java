package io.crossdesk.notification.template.web;

import io.crossdesk.notification.template.domain.Channel;
import io.crossdesk.notification.template.domain.InvalidTemplateException;
import io.crossdesk.notification.template.domain.Locales;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.template.domain.TemplateKey;
import io.crossdesk.notification.template.domain.TemplateProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a template's kind, channel and locale from a request, naming each one it cannot read. */
final class TemplateKeys {

  private TemplateKeys() {}

  /**
   * @throws InvalidTemplateException naming {@code kind}, {@code channel} or {@code locale}
   */
  static TemplateKey of(String kind, String channel, String locale) {
    List<TemplateProblem> problems = new ArrayList<>();
    Optional<MessageKind> messageKind = kind(kind, problems);
    Optional<Channel> messageChannel = channel(channel, problems);
    Optional<String> tag = locale(locale, problems);
    if (!problems.isEmpty()) {
      throw new InvalidTemplateException(problems);
    }
    return new TemplateKey(messageKind.orElseThrow(), messageChannel.orElseThrow(), tag.get());
  }

  static Optional<MessageKind> kind(String kind, List<TemplateProblem> problems) {
    Optional<MessageKind> found = MessageKind.byId(kind);
    if (found.isEmpty()) {
      problems.add(
          new TemplateProblem(
              "kind",
              "must be one of "
                  + Arrays.stream(MessageKind.values()).map(MessageKind::id).toList()));
    }
    return found;
  }

  static Optional<Channel> channel(String channel, List<TemplateProblem> problems) {
    Optional<Channel> found =
        Arrays.stream(Channel.values())
            .filter(
                known -> channel != null && known.name().equals(channel.toUpperCase(Locale.ROOT)))
            .findFirst();
    if (found.isEmpty()) {
      problems.add(
          new TemplateProblem("channel", "must be one of " + Arrays.toString(Channel.values())));
    }
    return found;
  }

  static Optional<String> locale(String locale, List<TemplateProblem> problems) {
    Optional<String> found = Locales.supported(locale);
    if (found.isEmpty()) {
      problems.add(new TemplateProblem("locale", "must be one of " + Locales.SUPPORTED));
    }
    return found;
  }
}
