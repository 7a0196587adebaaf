package io.crossdesk.platform.stuck;

import java.util.List;
import java.util.Optional;

/**
 * One kind of work that stopped after its retries ran out and waits for an operator: an event the
 * outbox relay could not publish, a deadline whose handler kept failing, a record a consumer sent
 * to its dead-letter topic. Each is listed the same way and retried the same way, once its cause is
 * mended.
 */
public interface StuckWork {

  /** {@code outbox-event}, {@code deadline} or {@code dead-letter}. */
  String kind();

  /** The items waiting, the most recent first. */
  List<StuckItem> list(int limit);

  /**
   * Retries one item: publishes the event, fires the deadline, or sends the record back to the
   * topic it came from.
   *
   * @return the item retried; empty when there is no such item
   */
  Optional<StuckItem> retry(String id);
}
