package io.crossdesk.contracts.customer;

import java.time.Instant;

/**
 * A customer was registered. Key and subject: customerId. {@code phone} is in E.164 form; {@code
 * keyAccount}, {@code locale} (the language the customer is written to in, a BCP 47 tag such as
 * zh-CN) and the notification preferences ({@code preferredChannel}, {@code notificationConsent},
 * the quiet hours, as in CustomerUpdated) were added within v1 and may be absent in older events.
 */
public record CustomerRegistered(
    String customerId,
    String name,
    String type,
    String tier,
    String phone,
    String email,
    Instant registeredAt,
    Boolean keyAccount,
    String locale,
    String preferredChannel,
    Boolean notificationConsent,
    String quietHoursFrom,
    String quietHoursTo,
    String quietHoursZone,
    String accountManager) {

  /** A registration without an account manager. */
  public CustomerRegistered(
      String customerId,
      String name,
      String type,
      String tier,
      String phone,
      String email,
      Instant registeredAt,
      Boolean keyAccount,
      String locale,
      String preferredChannel,
      Boolean notificationConsent,
      String quietHoursFrom,
      String quietHoursTo,
      String quietHoursZone) {
    this(
        customerId,
        name,
        type,
        tier,
        phone,
        email,
        registeredAt,
        keyAccount,
        locale,
        preferredChannel,
        notificationConsent,
        quietHoursFrom,
        quietHoursTo,
        quietHoursZone,
        null);
  }

  /** As producers wrote it before the notification preferences were added. */
  public CustomerRegistered(
      String customerId,
      String name,
      String type,
      String tier,
      String phone,
      String email,
      Instant registeredAt,
      Boolean keyAccount,
      String locale) {
    this(
        customerId,
        name,
        type,
        tier,
        phone,
        email,
        registeredAt,
        keyAccount,
        locale,
        null,
        null,
        null,
        null,
        null);
  }

  /** As producers wrote it before {@code locale} was added. */
  public CustomerRegistered(
      String customerId,
      String name,
      String type,
      String tier,
      String phone,
      String email,
      Instant registeredAt,
      Boolean keyAccount) {
    this(
        customerId,
        name,
        type,
        tier,
        phone,
        email,
        registeredAt,
        keyAccount,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** As producers wrote it before {@code keyAccount} was added. */
  public CustomerRegistered(
      String customerId,
      String name,
      String type,
      String tier,
      String phone,
      String email,
      Instant registeredAt) {
    this(
        customerId,
        name,
        type,
        tier,
        phone,
        email,
        registeredAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
