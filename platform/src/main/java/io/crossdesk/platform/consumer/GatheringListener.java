package io.crossdesk.platform.consumer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A batch {@link KafkaListener} for a consumer no one waits on (a projection, a customer's
 * messages, webhook fan-out): each fetch waits until {@value #FETCH_MIN_BYTES} bytes of records are
 * there or {@value #FETCH_MAX_WAIT_MS} ms have passed, so a poll brings the records of that time
 * together and a bulk handler ({@link EventHandlers#onBatch}) writes them at once, instead of one
 * poll, one span and one write per record at a steady rate. The events arrive up to half a second
 * later; under a backlog nothing changes, since the bytes are there at once. One consumer per
 * instance takes all of the instance's partitions, so a poll gathers the events of all of them into
 * one run and one write, rather than a third of them into each of three (a second instance shares
 * the partitions with it as usual). The price: a record retried in place (the back-off of {@code
 * crossdesk.dead-letters.*}, longer for what is not known yet) holds the instance's other
 * partitions of the listener for as long, where it held one partition before; these listeners are
 * the ones no one waits on. Listeners on a ticket's way to its department are plain
 * {@code @KafkaListener}s with the platform's defaults, one consumer per partition.
 *
 * <pre>
 * &#64;GatheringListener(id = CONSUMER, topics = Topics.TICKETS)
 * void on(List&lt;ConsumerRecord&lt;String, String&gt;&gt; records) { ... }
 * </pre>
 *
 * <p>Measured in docs/performance.md ("Listeners that gather").
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@KafkaListener(
    batch = "true",
    properties = {
      "fetch.min.bytes=" + GatheringListener.FETCH_MIN_BYTES,
      "fetch.max.wait.ms=" + GatheringListener.FETCH_MAX_WAIT_MS
    })
public @interface GatheringListener {

  /** The records a fetch waits for: about forty events. */
  int FETCH_MIN_BYTES = 65536;

  /** How long a fetch waits for them at most. */
  int FETCH_MAX_WAIT_MS = 500;

  /** The listener's id, which is also its consumer group. */
  @AliasFor(annotation = KafkaListener.class, attribute = "id")
  String id();

  @AliasFor(annotation = KafkaListener.class, attribute = "topics")
  String[] topics();

  /** Consumer threads in one instance: one, whatever the partitions. */
  @AliasFor(annotation = KafkaListener.class, attribute = "concurrency")
  String concurrency() default "1";
}
