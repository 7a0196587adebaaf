package io.crossdesk.contracts.customer;

import java.time.Instant;
import java.util.List;

/**
 * A customer's profile changed. Key and subject: customerId. Carries the new values of the fields
 * other services keep a copy of, whichever changed; {@code changedFields} names what changed
 * (profile field names, e.g. {@code tier}, {@code phones}, {@code status}).
 *
 * @param revision the customer's revision after the change; a consumer applies an event only when
 *     it is newer than the revision it holds
 */
public record CustomerUpdated(
    String customerId,
    long revision,
    List<String> changedFields,
    String name,
    String type,
    String tier,
    boolean keyAccount,
    String region,
    String status,
    String preferredChannel,
    String locale,
    boolean notificationConsent,
    String quietHoursFrom,
    String quietHoursTo,
    String quietHoursZone,
    String changedBy,
    Instant changedAt,
    String accountManager) {

  /** A change of a customer without an account manager. */
  public CustomerUpdated(
      String customerId,
      long revision,
      List<String> changedFields,
      String name,
      String type,
      String tier,
      boolean keyAccount,
      String region,
      String status,
      String preferredChannel,
      String locale,
      boolean notificationConsent,
      String quietHoursFrom,
      String quietHoursTo,
      String quietHoursZone,
      String changedBy,
      Instant changedAt) {
    this(
        customerId,
        revision,
        changedFields,
        name,
        type,
        tier,
        keyAccount,
        region,
        status,
        preferredChannel,
        locale,
        notificationConsent,
        quietHoursFrom,
        quietHoursTo,
        quietHoursZone,
        changedBy,
        changedAt,
        null);
  }
}
