package io.crossdesk.platform.outbox;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.stuck.ParkedOutboxEvents;
import io.crossdesk.platform.stuck.RetryFailedException;
import io.crossdesk.platform.stuck.StuckItem;
import io.crossdesk.testsupport.TestInfrastructure;
import io.crossdesk.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Parked events as stuck work: listed with their reason, published again by a retry. */
class ParkedEventRetryTest {

  private final RelayFixture fixture = new RelayFixture();
  private final DefaultKafkaProducerFactory<String, String> producers =
      new DefaultKafkaProducerFactory<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              TestInfrastructure.get().kafkaBootstrapServers(),
              ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
              StringSerializer.class,
              ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
              StringSerializer.class,
              ProducerConfig.MAX_BLOCK_MS_CONFIG,
              2_000));
  private final ParkedOutboxEvents stuck =
      new ParkedOutboxEvents(new ParkedEvents(fixture.mongo), new KafkaTemplate<>(producers));

  @AfterEach
  void close() {
    producers.destroy();
    fixture.close();
  }

  /** As the relay parks an event its topic refused (a size limit since raised, say). */
  private void park(EventMessage event, String reason) {
    new ParkedEvents(fixture.mongo)
        .park(
            List.of(
                new ParkedEvents.ParkedEvent(
                    event.eventId(),
                    RelayFixture.COLLECTION,
                    event.key(),
                    event.topic(),
                    event.type(),
                    reason,
                    3,
                    fixture.clock.instant(),
                    OutboxEntries.write(event))));
  }

  @Test
  void a_parked_event_is_listed_with_its_reason_and_published_by_a_retry_once_mended() {
    EventMessage event = fixture.event("p-1");
    park(event, "RecordTooLargeException: the message is 2000000 bytes");

    assertThat(stuck.list(10))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo("outbox-event");
              assertThat(item.id()).isEqualTo(event.eventId());
              assertThat(item.attempts()).isEqualTo(3);
              assertThat(item.reason()).contains("RecordTooLargeException");
              assertThat(item.details()).containsEntry("topic", fixture.topic);
            });

    StuckItem retried = stuck.retry(event.eventId()).orElseThrow();

    assertThat(retried.id()).isEqualTo(event.eventId());
    try (TopicRecorder recorder = TopicRecorder.of(fixture.topic)) {
      assertThat(recorder.all(record -> true))
          .extracting(record -> header(record, "ce_id"))
          .containsExactly(event.eventId());
    }
    assertThat(stuck.list(10)).isEmpty();
    assertThat(stuck.retry(event.eventId())).isEmpty();
  }

  @Test
  void a_retry_the_broker_refuses_again_keeps_the_event_parked() {
    OutboxRelay relay = fixture.relay(10);
    EventMessage unpublishable = fixture.event("p-2", "not a valid topic!");
    fixture.insert(relay, "p-2", List.of(unpublishable));
    relay.relayQueued();
    for (int attempt = 2; attempt <= 3; attempt++) {
      fixture.clock.advance(Duration.ofSeconds(10));
      relay.sweep();
    }

    assertThatThrownBy(() -> stuck.retry(unpublishable.eventId()))
        .isInstanceOf(RetryFailedException.class)
        .hasMessageContaining(unpublishable.eventId());
    assertThat(stuck.list(10)).extracting(StuckItem::id).containsExactly(unpublishable.eventId());
  }
}
