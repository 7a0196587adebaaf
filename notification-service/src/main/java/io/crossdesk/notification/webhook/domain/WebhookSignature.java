package io.crossdesk.notification.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of Standard Webhooks: for each active secret {@code
 * v1,<base64 of HMAC-SHA256(key, "<msg id>.<timestamp>.<body>")>}, separated by spaces, so that a
 * receiver holding either secret during a rotation accepts the message.
 */
public final class WebhookSignature {

  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  public static String of(
      String messageId, long timestampSeconds, String body, List<WebhookSecret> secrets) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("a webhook is signed with at least one secret");
    }
    String signed = messageId + "." + timestampSeconds + "." + body;
    return secrets.stream()
        .map(secret -> "v1," + hmac(secret.key(), signed))
        .collect(Collectors.joining(" "));
  }

  private static String hmac(byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
