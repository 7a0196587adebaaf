package io.crossdesk.notification.log.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The credential in a survey link: the survey's id and the moment the link expires, signed with
 * HMAC-SHA256 under the service's survey secret. {@code <id>.<expiry, epoch seconds>.<signature>},
 * each part base64url without padding. Whoever holds the link may answer the survey it names, once,
 * before it expires; nothing else can be read or changed with it.
 */
public final class SurveyToken {

  private static final String HMAC = "HmacSHA256";
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public SurveyToken(String secret) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalArgumentException(
          "crossdesk.notifications.survey.secret must be at least 32 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
  }

  public String sign(String surveyId, Instant expiresAt) {
    String payload =
        ENCODE.encodeToString(surveyId.getBytes(StandardCharsets.UTF_8))
            + "."
            + expiresAt.getEpochSecond();
    return payload + "." + ENCODE.encodeToString(mac(payload));
  }

  /**
   * The survey the token names.
   *
   * @throws InvalidSurveyAnswerException (field {@code token}) when it is malformed, forged or
   *     expired
   */
  public String verify(String token, Instant now) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length != 3) {
      throw new InvalidSurveyAnswerException("token", "is not a survey link");
    }
    String payload = parts[0] + "." + parts[1];
    byte[] signature;
    long expires;
    String surveyId;
    try {
      signature = DECODE.decode(parts[2]);
      expires = Long.parseLong(parts[1]);
      surveyId = new String(DECODE.decode(parts[0]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw new InvalidSurveyAnswerException("token", "is not a survey link");
    }
    if (!MessageDigest.isEqual(signature, mac(payload))) {
      throw new InvalidSurveyAnswerException("token", "is not a link this desk sent");
    }
    if (!now.isBefore(Instant.ofEpochSecond(expires))) {
      throw new InvalidSurveyAnswerException("token", "has expired");
    }
    return surveyId;
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException(HMAC + " is not available", unavailable);
    }
  }
}
