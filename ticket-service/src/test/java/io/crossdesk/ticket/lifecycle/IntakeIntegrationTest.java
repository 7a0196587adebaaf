package io.crossdesk.ticket.lifecycle;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.ticket.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tickets that other enterprise systems request on the public intake topic. */
class IntakeIntegrationTest extends IntegrationTestSupport {

  private static final String INTAKE = "ticket-service.intake";
  private static final String SOURCE = "billing-portal";

  private static String requested(String externalId, String customerId, String channel) {
    return """
        {"sourceSystem":"%s","externalId":"%s","customerId":"%s","channel":"%s",
         "category":"BILLING","priority":"HIGH","title":"Disputed roaming charge",
         "description":"Customer disputes the roaming charge on invoice 2025-03."}"""
        .formatted(SOURCE, externalId, customerId, channel);
  }

  private static String request(String externalId, String data) {
    return publish(Topics.INTAKE, externalId, EventTypes.TICKET_REQUESTED, data);
  }

  private JsonNode ticketsFor(String externalId) {
    return body(get(
            "/api/tickets?sourceSystem=" + SOURCE + "&externalId=" + externalId,
            TestTokens.supervisor()))
        .path("items");
  }

  @Test
  void a_request_opens_exactly_one_ticket_however_often_it_is_delivered() {
    String customerId = unique("intake");
    registerCustomer(customerId, "B");
    String externalId = unique("BP");

    String first = request(externalId, requested(externalId, customerId, "SYSTEM"));
    String second = request(externalId, requested(externalId, customerId, "SYSTEM"));
    awaitProcessed(INTAKE, first);
    awaitProcessed(INTAKE, second);

    JsonNode found = ticketsFor(externalId);
    assertThat(found).hasSize(1);
    JsonNode ticket = found.get(0);
    assertThat(ticket.path("customerTier").asString()).isEqualTo("B");
    assertThat(ticket.path("priority").asString()).isEqualTo("HIGH");
    assertThat(ticket.path("timeline").get(0).path("actor").asString()).isEqualTo(SOURCE);

    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      String ticketId = ticket.path("id").asString();
      ConsumerRecord<String, String> opened =
          tickets.await(record -> ticketId.equals(record.key()), ASYNC);
      assertSchemaValid(EventTypes.TICKET_OPENED, opened.value());
      JsonNode data = json.readTree(opened.value());
      assertThat(data.path("openedBy").asString()).isEqualTo(SOURCE);
      assertThat(data.path("sourceSystem").asString()).isEqualTo(SOURCE);
      assertThat(data.path("externalId").asString()).isEqualTo(externalId);
      assertThat(tickets.all(record -> ticketId.equals(record.key()))).hasSize(1);
    }
  }

  @Test
  void requests_that_can_never_open_a_ticket_are_dead_lettered_and_intake_goes_on() {
    String customerId = unique("intake");
    registerCustomer(customerId, "C");
    String key = unique("BP");

    ProducerRecord<String, String> noCloudEvent =
        new ProducerRecord<>(Topics.INTAKE, key, requested(key, customerId, "SYSTEM"));
    noCloudEvent.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
    List<String> rejected =
        List.of(
            request(key, "{\"sourceSystem\": \"billing-portal\", "),
            request(key, "{\"sourceSystem\":\"%s\",\"externalId\":\"%s\"}".formatted(SOURCE, key)),
            request(key, requested(key, customerId, "PIGEON")),
            publish(
                Topics.INTAKE,
                key,
                "crossdesk.ticket.demanded.v1",
                requested(key, customerId, "SYSTEM")),
            publish(
                Topics.INTAKE,
                key,
                EventTypes.CUSTOMER_REGISTERED,
                requested(key, customerId, "SYSTEM")));
    publishRecord(noCloudEvent);
    String valid = request(key, requested(key, customerId, "SYSTEM"));

    try (TopicRecorder deadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.INTAKE))) {
      for (String eventId : rejected) {
        ConsumerRecord<String, String> dead =
            deadLetters.await(record -> eventId.equals(header(record, "ce_id")), ASYNC);
        assertThat(header(dead, "crossdesk_dlt_reason")).as(eventId).isNotBlank();
      }
      ConsumerRecord<String, String> pigeon =
          deadLetters.await(record -> rejected.get(2).equals(header(record, "ce_id")), ASYNC);
      assertThat(header(pigeon, "crossdesk_dlt_reason")).contains("channel");
      deadLetters.await(
          record -> key.equals(record.key()) && header(record, "ce_id") == null, ASYNC);
    }
    awaitProcessed(INTAKE, valid);
    assertThat(ticketsFor(key)).hasSize(1);
  }

  @Test
  void a_request_for_a_customer_not_known_yet_waits_aside_while_the_requests_behind_it_go_on() {
    String key = unique("POS");
    String ghostRequest = unique("BP");
    String ghostEvent =
        publish(
            Topics.INTAKE,
            key,
            EventTypes.TICKET_REQUESTED,
            requested(ghostRequest, unique("ghost"), "EMAIL"));
    String customerId = unique("intake");
    registerCustomer(customerId, "B");
    String behindRequest = unique("BP");
    // Same key, same partition: behind the waiting request.
    String behindEvent =
        publish(
            Topics.INTAKE,
            key,
            EventTypes.TICKET_REQUESTED,
            requested(behindRequest, customerId, "EMAIL"));

    try (TopicRecorder deadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.INTAKE))) {
      awaitProcessed(INTAKE, behindEvent);
      assertThat(ticketsFor(behindRequest)).hasSize(1);
      assertThat(deadLetters.all(record -> ghostEvent.equals(header(record, "ce_id"))))
          .as("still waiting for its customer")
          .isEmpty();

      ConsumerRecord<String, String> dead =
          deadLetters.await(record -> ghostEvent.equals(header(record, "ce_id")), ASYNC);
      assertThat(header(dead, "crossdesk_dlt_reason")).contains("not known");
      assertThat(header(dead, "crossdesk_retry_attempt")).isEqualTo("6");
      assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo("ticket-service.intake.retry");
    }
    assertThat(ticketsFor(ghostRequest)).isEmpty();
  }

  @Test
  void a_request_that_arrives_before_its_customer_opens_its_ticket_once_the_customer_is_known() {
    String customerId = unique("late");
    String externalId = unique("BP");
    request(externalId, requested(externalId, customerId, "EMAIL"));

    registerCustomer(customerId, "A");

    Awaitility.await().atMost(ASYNC).until(() -> ticketsFor(externalId).size() == 1);
    assertThat(ticketsFor(externalId).get(0).path("customerTier").asString()).isEqualTo("A");
  }
}
