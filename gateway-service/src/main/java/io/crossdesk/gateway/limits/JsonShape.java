package io.crossdesk.gateway.limits;

import io.crossdesk.security.JsonKeys;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How deep a JSON text nests, how long its longest string is and whether a key is one {@link
 * JsonKeys} refuses, read in one pass over its bytes without parsing it: brackets and braces
 * outside strings open and close levels; a string runs from an unescaped quote to the next, and is
 * a key when a colon follows it. A key is refused by its raw bytes, its escapes of {@code $} and
 * {@code .} included. Malformed JSON is the service's to refuse; this only measures.
 */
final class JsonShape {

  private JsonShape() {}

  /** What is wrong with the shape, or null when it is within both limits. */
  static String problem(byte[] json, int length, int maxDepth, int maxString) {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    int stringBytes = 0;
    int stringStart = 0;
    for (int i = 0; i < length; i++) {
      byte b = json[i];
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
          if (isKey(json, i + 1, length) && refusedKey(json, stringStart, i)) {
            return JsonKeys.REFUSED;
          }
          continue;
        }
        if (++stringBytes > maxString) {
          return "A string in the request body is longer than " + maxString + " bytes.";
        }
      } else if (b == '"') {
        inString = true;
        stringBytes = 0;
        stringStart = i + 1;
      } else if (b == '{' || b == '[') {
        if (++depth > maxDepth) {
          return "The request body nests deeper than " + maxDepth + " levels.";
        }
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return null;
  }

  private static boolean isKey(byte[] json, int from, int length) {
    for (int i = from; i < length; i++) {
      byte b = json[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return b == ':';
      }
    }
    return false;
  }

  private static boolean refusedKey(byte[] json, int from, int to) {
    if (to == from) {
      return false;
    }
    if (json[from] == '$') {
      return true;
    }
    boolean escapes = false;
    for (int i = from; i < to; i++) {
      if (json[i] == '.') {
        return true;
      }
      escapes |= json[i] == '\\';
    }
    if (!escapes) {
      return false;
    }
    String raw = new String(json, from, to - from, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return raw.startsWith("\\u0024") || raw.contains("\\u002e");
  }
}
