package io.crossdesk.security;

/**
 * The names a JSON request body may not use as keys: one starting with {@code $} (a MongoDB
 * operator: {@code {"$ne": null}} where a value is expected, {@code $where}, {@code $gt}) or
 * containing a dot (a path into a stored document). No field of the API is named so, so a body
 * holding one is refused as bad input wherever it arrives, by the gateway before routing it and by
 * every service before binding it, and never reaches a query. A string value is never an operator:
 * the services pass values into queries as values.
 */
public final class JsonKeys {

  /** What a refused key's problem says about it. */
  public static final String REFUSED =
      "Keys starting with '$' or containing '.' are not accepted in a request body.";

  private JsonKeys() {}

  /** Whether a decoded key is refused. */
  public static boolean refused(String key) {
    return !key.isEmpty() && (key.charAt(0) == '$' || key.indexOf('.') >= 0);
  }
}
