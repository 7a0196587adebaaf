package io.crossdesk.notification.template.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateContentTest {

  @Test
  void refuses_a_placeholder_the_kind_does_not_offer_naming_the_field_and_the_placeholder() {
    assertThatThrownBy(
            () ->
                TemplateContent.of(
                    MessageKind.TICKET_RECEIVED,
                    Channel.EMAIL,
                    "Ticket {{ticketNumber}}",
                    "Dear {{customerName}}, your PIN is {{password}}"))
        .isInstanceOfSatisfying(
            InvalidTemplateException.class,
            invalid ->
                assertThat(invalid.problems())
                    .singleElement()
                    .satisfies(
                        problem -> {
                          assertThat(problem.field()).isEqualTo("body");
                          assertThat(problem.message()).contains("{{password}}");
                        }));
  }

  @Test
  void names_every_field_at_fault() {
    assertThatThrownBy(
            () -> TemplateContent.of(MessageKind.TICKET_CLOSED, Channel.EMAIL, " ", "{{oops"))
        .isInstanceOfSatisfying(
            InvalidTemplateException.class,
            invalid ->
                assertThat(invalid.problems())
                    .extracting(TemplateProblem::field)
                    .containsExactly("subject", "body"));
  }

  @Test
  void an_sms_has_no_subject_and_a_kind_only_its_channels() {
    assertThatThrownBy(
            () -> TemplateContent.of(MessageKind.STEP_READY, Channel.SMS, "Hi", "{{stepName}}"))
        .isInstanceOfSatisfying(
            InvalidTemplateException.class,
            invalid ->
                assertThat(invalid.problems())
                    .extracting(TemplateProblem::field)
                    .containsExactly("channel", "subject"));
  }

  @Test
  void refuses_an_sms_longer_than_its_limit_with_the_sample_values() {
    String body = "{{ticketTitle}} " + "x".repeat(TemplateContent.SMS_LIMIT - 10);

    assertThatThrownBy(
            () -> TemplateContent.of(MessageKind.TICKET_RECEIVED, Channel.SMS, null, body))
        .isInstanceOf(InvalidTemplateException.class)
        .hasMessageContaining("with the sample values");
  }

  @Test
  void cuts_an_sms_that_real_values_make_too_long() {
    TemplateContent sms =
        TemplateContent.of(MessageKind.TICKET_RECEIVED, Channel.SMS, null, "Re: {{ticketTitle}}");

    String body = sms.render(Map.of("ticketTitle", "y".repeat(500))).body();

    assertThat(body).hasSize(TemplateContent.SMS_LIMIT).endsWith("…");
  }

  @Test
  void escapes_values_in_an_email_body_but_not_in_an_sms() {
    Map<String, String> values = Map.of("ticketTitle", "A & B", "ticketNumber", "T-1");

    assertThat(
            TemplateContent.of(
                    MessageKind.TICKET_CLOSED, Channel.EMAIL, "{{ticketTitle}}", "{{ticketTitle}}")
                .render(values))
        .isEqualTo(new Rendered("A & B", "A &amp; B"));
    assertThat(
            TemplateContent.of(MessageKind.TICKET_CLOSED, Channel.SMS, null, "{{ticketTitle}}")
                .render(values))
        .isEqualTo(new Rendered(null, "A & B"));
  }

  @Test
  void reads_customer_locales_as_the_closest_supported_one() {
    assertThat(Locales.closestTo("zh-Hans-CN")).contains("zh-CN");
    assertThat(Locales.closestTo("en-GB")).contains("en-US");
    assertThat(Locales.closestTo("EN-us")).contains("en-US");
    assertThat(Locales.closestTo("de-DE")).isEmpty();
    assertThat(Locales.closestTo(null)).isEmpty();
  }
}
