package io.crossdesk.notification.template.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A template text: literal text and {@code {{name}}} placeholders, nothing else. There are no
 * expressions, conditions, loops, partials or helpers, so a template can neither run code nor reach
 * anything but the values it is given. Single braces are literal text; {@code {{} starts a
 * placeholder that must close with {@code }}} and hold a name (letters and digits, starting with a
 * letter, spaces around it allowed); a {@code }}} outside a placeholder is an error, as it almost
 * always is a typo.
 */
public final class TemplateText {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  private final List<Segment> segments;

  private TemplateText(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  /**
   * @throws TemplateSyntaxException at the first malformed placeholder or stray brace pair
   */
  public static TemplateText parse(String source) {
    List<Segment> segments = new ArrayList<>();
    int at = 0;
    while (at < source.length()) {
      int open = source.indexOf("{{", at);
      int strayClose = source.indexOf("}}", at);
      if (strayClose >= 0 && (open < 0 || strayClose < open)) {
        throw new TemplateSyntaxException("'}}' without a '{{' before it", strayClose);
      }
      if (open < 0) {
        segments.add(new Literal(source.substring(at)));
        break;
      }
      if (open > at) {
        segments.add(new Literal(source.substring(at, open)));
      }
      int close = source.indexOf("}}", open + 2);
      if (close < 0) {
        throw new TemplateSyntaxException("'{{' is never closed with '}}'", open);
      }
      String name = source.substring(open + 2, close).strip();
      if (!NAME.matcher(name).matches()) {
        throw new TemplateSyntaxException(
            "'"
                + source.substring(open, close + 2)
                + "' is not a placeholder: only {{name}} with letters and digits is allowed",
            open);
      }
      segments.add(new Slot(name));
      at = close + 2;
    }
    return new TemplateText(segments);
  }

  /** The placeholders the text uses, in order of first use. */
  public Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    for (Segment segment : segments) {
      if (segment instanceof Slot slot) {
        names.add(slot.name());
      }
    }
    return names;
  }

  /**
   * The text with each placeholder replaced by its value, escaped as {@code escaping} says. A
   * placeholder without a value (absent or null) renders as nothing: the kind's placeholders were
   * checked when the template was saved, and a message with one detail missing (a customer's name
   * not known yet) still serves the customer better than no message.
   */
  public String render(Map<String, String> values, Escaping escaping) {
    StringBuilder rendered = new StringBuilder();
    for (Segment segment : segments) {
      if (segment instanceof Literal literal) {
        rendered.append(literal.text());
      } else if (segment instanceof Slot slot) {
        String value = values.get(slot.name());
        if (value != null) {
          rendered.append(escaping.escape(value));
        }
      }
    }
    return rendered.toString();
  }

  private sealed interface Segment permits Literal, Slot {}

  private record Literal(String text) implements Segment {}

  private record Slot(String name) implements Segment {}
}
