package io.crossdesk.notification.webhook.domain;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of 24 to 64 random
 * bytes. The HMAC key is the decoded bytes, not the text.
 */
public record WebhookSecret(String value) {

  public static final String PREFIX = "whsec_";
  private static final int GENERATED_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  public WebhookSecret {
    if (value == null || !value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
    }
    int length = decode(value).length;
    if (length < 24 || length > 64) {
      throw new IllegalArgumentException("a webhook secret holds 24 to 64 bytes, not " + length);
    }
  }

  public static WebhookSecret generate() {
    byte[] bytes = new byte[GENERATED_BYTES];
    RANDOM.nextBytes(bytes);
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(bytes));
  }

  /** The HMAC key. */
  public byte[] key() {
    return decode(value);
  }

  private static byte[] decode(String value) {
    try {
      return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException("a webhook secret is base64 after " + PREFIX);
    }
  }

  /** Never the secret itself, so that it does not end up in logs. */
  @Override
  public String toString() {
    return PREFIX + "…";
  }
}
