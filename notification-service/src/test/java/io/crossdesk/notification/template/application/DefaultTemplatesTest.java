package io.crossdesk.notification.template.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.notification.template.domain.Channel;
import io.crossdesk.notification.template.domain.Locales;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.template.domain.TemplateKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DefaultTemplatesTest {

  private final DefaultTemplates defaults = new DefaultTemplates(JsonMapper.builder().build());

  @Test
  void ships_every_kind_on_every_channel_it_is_written_for_in_every_locale_except_webhooks() {
    for (MessageKind kind : MessageKind.values()) {
      for (Channel channel : kind.channels()) {
        if (channel == Channel.WEBHOOK
            && kind != MessageKind.ESCALATION
            && kind != MessageKind.ANOMALY_DETECTED) {
          continue;
        }
        for (String locale : Locales.SUPPORTED) {
          assertThat(defaults.find(new TemplateKey(kind, channel, locale)))
              .as(kind.id() + " " + channel + " " + locale)
              .isPresent();
        }
      }
    }
  }

  @Test
  void ships_checked_templates_at_version_one() {
    assertThat(defaults.all())
        .isNotEmpty()
        .allSatisfy(template -> assertThat(template.version()).isEqualTo(1));
  }
}
