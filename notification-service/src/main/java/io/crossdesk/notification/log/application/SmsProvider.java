package io.crossdesk.notification.log.application;

/**
 * An SMS gateway. The built-in provider ({@link HttpSmsProvider}) posts JSON to an HTTP gateway; to
 * use another, declare a bean of this type: it replaces the built-in one (docs/notifications.md,
 * "SMS providers").
 */
public interface SmsProvider {

  /**
   * Hands one message to the gateway.
   *
   * @param reference the notification id, unique per message: a gateway that keeps it can refuse a
   *     message it already took
   * @throws Exception when the gateway did not take the message
   */
  void send(String to, String text, String reference) throws Exception;
}
