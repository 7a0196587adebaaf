package io.crossdesk.gateway.limits;

/**
 * How deep a JSON text nests and how long its longest string is, read in one pass over its bytes
 * without parsing it: brackets and braces outside strings open and close levels; a string runs from
 * an unescaped quote to the next. Malformed JSON is the service's to refuse; this only measures.
 */
final class JsonShape {

  private JsonShape() {}

  /** What is wrong with the shape, or null when it is within both limits. */
  static String problem(byte[] json, int length, int maxDepth, int maxString) {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    int stringBytes = 0;
    for (int i = 0; i < length; i++) {
      byte b = json[i];
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
          continue;
        }
        if (++stringBytes > maxString) {
          return "A string in the request body is longer than " + maxString + " bytes.";
        }
      } else if (b == '"') {
        inString = true;
        stringBytes = 0;
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
}
