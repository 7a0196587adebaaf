package io.crossdesk.customer.profile.domain;

/** An edit made on a revision of the customer that is no longer the current one. */
public class StaleRevisionException extends RuntimeException {

  public StaleRevisionException(String id, long current) {
    super(
        "Customer "
            + id
            + " changed since your copy"
            + (current >= 0 ? " (it is at revision " + current + " now)" : "")
            + "; read it again and repeat the edit.");
  }
}
