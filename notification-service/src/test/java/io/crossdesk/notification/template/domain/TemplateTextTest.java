package io.crossdesk.notification.template.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

  @Test
  void lists_its_placeholders_in_order_of_first_use() {
    TemplateText text =
        TemplateText.parse("{{ticketNumber}}: {{ ticketTitle }} ({{ticketNumber}})");

    assertThat(text.placeholders()).containsExactly("ticketNumber", "ticketTitle");
  }

  @Test
  void renders_values_in_place_and_keeps_single_braces_as_text() {
    assertThat(
            TemplateText.parse("Ticket {{ticketNumber}} {\"json\": 1}")
                .render(Map.of("ticketNumber", "T-1"), Escaping.PLAIN))
        .isEqualTo("Ticket T-1 {\"json\": 1}");
  }

  @Test
  void renders_a_missing_value_as_nothing() {
    Map<String, String> values = new HashMap<>();
    values.put("customerName", null);

    assertThat(
            TemplateText.parse("Dear {{customerName}}, {{ticketNumber}}")
                .render(values, Escaping.PLAIN))
        .isEqualTo("Dear , ");
  }

  @Test
  void escapes_values_for_html_but_not_the_template_itself() {
    String rendered =
        TemplateText.parse("<p>\"{{ticketTitle}}\"</p>")
            .render(Map.of("ticketTitle", "<script>alert('x')</script> & co"), Escaping.HTML);

    assertThat(rendered)
        .isEqualTo("<p>\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co\"</p>");
  }

  @Test
  void keeps_a_subject_on_one_line_whatever_the_values() {
    assertThat(
            TemplateText.parse("Re: {{ticketTitle}}")
                .render(Map.of("ticketTitle", "a\r\nBcc: x@example.org"), Escaping.ONE_LINE))
        .isEqualTo("Re: a Bcc: x@example.org");
  }

  @Test
  void refuses_an_unclosed_placeholder() {
    assertThatThrownBy(() -> TemplateText.parse("Ticket {{ticketNumber"))
        .isInstanceOf(TemplateSyntaxException.class)
        .hasMessageContaining("never closed")
        .hasMessageContaining("character 8");
  }

  @Test
  void refuses_a_closing_pair_without_an_opening_one() {
    assertThatThrownBy(() -> TemplateText.parse("Ticket ticketNumber}}"))
        .isInstanceOf(TemplateSyntaxException.class)
        .hasMessageContaining("without a '{{'");
  }

  @Test
  void refuses_expressions_sections_and_empty_placeholders() {
    for (String source :
        new String[] {
          "{{#each tickets}}x{{/each}}",
          "{{ticket.number}}",
          "{{name | upper}}",
          "{{}}",
          "{{{ticketTitle}}}",
          "{{T(java.lang.Runtime).getRuntime()}}"
        }) {
      assertThatThrownBy(() -> TemplateText.parse(source))
          .as(source)
          .isInstanceOf(TemplateSyntaxException.class);
    }
  }
}
