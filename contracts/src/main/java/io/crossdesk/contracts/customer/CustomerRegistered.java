package io.crossdesk.contracts.customer;

import java.time.Instant;

/**
 * A customer was registered. Key and subject: customerId. {@code phone} is in E.164 form; {@code
 * keyAccount} was added within v1 and may be absent in older events.
 */
public record CustomerRegistered(
    String customerId,
    String name,
    String type,
    String tier,
    String phone,
    String email,
    Instant registeredAt,
    Boolean keyAccount) {

  /** As producers wrote it before {@code keyAccount} was added. */
  public CustomerRegistered(
      String customerId,
      String name,
      String type,
      String tier,
      String phone,
      String email,
      Instant registeredAt) {
    this(customerId, name, type, tier, phone, email, registeredAt, null);
  }
}
