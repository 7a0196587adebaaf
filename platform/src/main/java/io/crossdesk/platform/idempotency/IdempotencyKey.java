package io.crossdesk.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The {@code Idempotency-Key} header: an opaque string the client chose for one request. */
final class IdempotencyKey {

  static final String HEADER = "Idempotency-Key";
  static final int MAX_LENGTH = 255;

  private IdempotencyKey() {}

  /** Why the header's values are no usable key, if they are not. */
  static Optional<String> whyInvalid(List<String> values) {
    if (values.size() > 1) {
      return Optional.of("must be sent once");
    }
    String key = values.get(0);
    if (key.isEmpty() || key.length() > MAX_LENGTH) {
      return Optional.of("must be 1-" + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return Optional.of("must be visible ASCII characters only, without spaces");
      }
    }
    return Optional.empty();
  }

  /**
   * The stored record's id: a key counts only for the caller who sent it and the resource it was
   * sent to, so two callers never see each other's answers, whatever keys they choose.
   */
  static String scoped(String subject, String method, String path, String key) {
    return sha256(
        String.join("\n", length(subject), length(method), length(path), length(key))
            .getBytes(StandardCharsets.UTF_8));
  }

  /** What makes a retry the same request: method, path with query and the exact body bytes. */
  static String fingerprint(String method, String pathAndQuery, byte[] body) {
    byte[] head =
        (length(method) + "\n" + length(pathAndQuery) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return sha256(all);
  }

  // Length-prefixed, so that no two different lists of parts hash alike.
  private static String length(String part) {
    return part.length() + ":" + part;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
