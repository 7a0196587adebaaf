package io.crossdesk.platform.aggregate;

import org.springframework.dao.OptimisticLockingFailureException;

/** An aggregate kept changing under a decision, which was made again as often as allowed. */
public class ConcurrentChangeException extends OptimisticLockingFailureException {

  public ConcurrentChangeException(String collection, String id, int attempts) {
    super(collection + " " + id + " kept changing during " + attempts + " attempts; try again");
  }
}
