package io.crossdesk.workorder.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.MutableClock;
import io.crossdesk.testsupport.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Escalation timers firing on the service's clock, moved ahead by the test. */
@CrossdeskIntegrationTest
class StepEscalationIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static CloudEventsProducer producer;
  private static TopicRecorder recorder;

  @Autowired JsonMapper json;
  @Autowired MutableClock clock;

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock(Instant.now());
    }
  }

  @BeforeAll
  static void connect() {
    producer = CloudEventsProducer.forTestBroker();
    recorder = TopicRecorder.of(Topics.WORKORDERS);
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    recorder.close();
  }

  @Test
  void an_open_step_escalates_one_level_at_each_threshold_once() {
    Instant openedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // A tier-B complaint about an outage is resolved by network operations, which works around
    // the clock: 16 h, so the team lead at 12 h (75%) and the head at 16 h (100%).
    TicketOpened ticket =
        new TicketOpened(
            "T-" + UUID.randomUUID(),
            "C-1",
            "B",
            "HOTLINE",
            "OUTAGE",
            "NORMAL",
            "Outage",
            null,
            "agent-7",
            null,
            null,
            openedAt,
            openedAt.plus(1, ChronoUnit.DAYS),
            "CD-1",
            "COMPLAINT",
            "agent-7",
            false,
            null);
    producer.publish(
        Topics.TICKETS,
        ticket.ticketId(),
        EventTypes.TICKET_OPENED,
        json.writeValueAsString(ticket));
    ConsumerRecord<String, String> routed =
        recorder.await(
            record ->
                EventTypes.WORKORDER_ROUTED.equals(TopicRecorder.header(record, "ce_type"))
                    && json.readTree(record.value())
                        .get("ticketId")
                        .asString()
                        .equals(ticket.ticketId()),
            PATIENCE);
    String workOrderId = routed.key();

    clock.advance(Duration.ofHours(12).plusMinutes(1));
    JsonNode first = awaitEscalation(workOrderId, 1);
    clock.advance(Duration.ofHours(4));
    JsonNode second = awaitEscalation(workOrderId, 2);

    assertThat(first.get("role").asString()).isEqualTo("TEAM_LEAD");
    assertThat(first.get("contact").asString()).isEqualTo("network-ops-team-lead");
    assertThat(first.get("thresholdPercent").asInt()).isEqualTo(75);
    assertThat(first.get("breached").asBoolean()).isFalse();
    assertThat(second.get("role").asString()).isEqualTo("DEPARTMENT_HEAD");
    assertThat(escalations(workOrderId))
        .extracting(event -> event.get("level").asInt())
        .containsExactly(1, 2);
  }

  private JsonNode awaitEscalation(String workOrderId, int level) {
    return json.readTree(
        recorder
            .await(
                record ->
                    workOrderId.equals(record.key())
                        && EventTypes.WORKORDER_ESCALATED.equals(
                            TopicRecorder.header(record, "ce_type"))
                        && json.readTree(record.value()).get("level").asInt() == level,
                PATIENCE)
            .value());
  }

  private List<JsonNode> escalations(String workOrderId) {
    return recorder
        .all(
            record ->
                workOrderId.equals(record.key())
                    && EventTypes.WORKORDER_ESCALATED.equals(
                        TopicRecorder.header(record, "ce_type")))
        .stream()
        .map(record -> json.readTree(record.value()))
        .toList();
  }
}
