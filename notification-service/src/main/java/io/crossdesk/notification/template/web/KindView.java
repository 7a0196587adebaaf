package io.crossdesk.notification.template.web;

import io.crossdesk.notification.template.domain.Channel;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.template.domain.Placeholder;
import java.util.List;

/** A kind of message: who reads it, on which channels, and the placeholders it offers. */
record KindView(
    String kind, String audience, List<String> channels, List<Placeholder> placeholders) {

  static KindView of(MessageKind kind) {
    return new KindView(
        kind.id(),
        kind.audience().name(),
        kind.channels().stream().map(Channel::name).toList(),
        kind.placeholders());
  }
}
