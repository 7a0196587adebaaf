package io.crossdesk.notification.template.domain;

/**
 * How values are written into a rendered text. Only values are escaped, never the template's own
 * text, which is written by an admin and may hold markup.
 */
public enum Escaping {
  /** As given: SMS, in-app and webhook texts are plain text. */
  PLAIN {
    @Override
    String escape(String value) {
      return value;
    }
  },
  /**
   * For e-mail bodies, which are HTML: a ticket title a customer typed cannot inject markup or
   * links into the mail.
   */
  HTML {
    @Override
    String escape(String value) {
      StringBuilder escaped = new StringBuilder(value.length() + 16);
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '&' -> escaped.append("&amp;");
          case '<' -> escaped.append("&lt;");
          case '>' -> escaped.append("&gt;");
          case '"' -> escaped.append("&quot;");
          case '\'' -> escaped.append("&#39;");
          default -> escaped.append(c);
        }
      }
      return escaped.toString();
    }
  },
  /** For subjects: one line, so that a value cannot add a header or break the subject line. */
  ONE_LINE {
    @Override
    String escape(String value) {
      return value.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ");
    }
  };

  abstract String escape(String value);
}
