package io.crossdesk.platform.consumer;

/**
 * Consumer settings for a listener no one waits on (a projection, a customer's messages, webhook
 * fan-out): each fetch waits until {@value #BYTES} bytes of records are there or {@value
 * #WAIT_MILLIS} ms have passed, so a poll brings the records of that time together and a bulk
 * handler ({@link EventHandlers#onBatch}) writes them at once, instead of one poll, one span and
 * one write per record at a steady rate. The events arrive up to half a second later; under a
 * backlog nothing changes, since the bytes are there at once. Listeners on a ticket's way to its
 * department keep the platform's defaults.
 *
 * <pre>
 * &#64;KafkaListener(id = CONSUMER, topics = Topics.TICKETS, batch = "true",
 *     properties = {Gathering.FETCH_MIN_BYTES, Gathering.FETCH_MAX_WAIT})
 * </pre>
 *
 * <p>Measured in docs/performance.md ("Listeners that gather").
 */
public final class Gathering {

  static final int BYTES = 65536;
  static final int WAIT_MILLIS = 500;

  /** The records a fetch waits for: about forty events. */
  public static final String FETCH_MIN_BYTES = "fetch.min.bytes=" + BYTES;

  /** How long a fetch waits for them at most. */
  public static final String FETCH_MAX_WAIT = "fetch.max.wait.ms=" + WAIT_MILLIS;

  private Gathering() {}
}
