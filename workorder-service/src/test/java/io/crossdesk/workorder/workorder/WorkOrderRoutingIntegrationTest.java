package io.crossdesk.workorder.workorder;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.platform.events.EventSchemas;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.workorder.routing.persistence.StandardRoutingRulesSeeder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as a whole: TicketOpened events on the real broker in, work orders in MongoDB and
 * WorkOrderRouted events out, read over the real HTTP API with signed tokens.
 */
@CrossdeskIntegrationTest
class WorkOrderRoutingIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static CloudEventsProducer producer;
  private static TopicRecorder recorder;

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired TicketRouting routing;
  @Autowired StandardRoutingRulesSeeder seeder;
  @Autowired MongoTemplate mongo;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void connect() {
    producer = CloudEventsProducer.forTestBroker();
    recorder = TopicRecorder.of(Topics.WORKORDERS, Topics.deadLetterOf(Topics.TICKETS));
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    recorder.close();
  }

  @Test
  void routes_an_opened_ticket_to_its_department_and_announces_it() throws Exception {
    TicketOpened ticket = ticket("NETWORK");

    publishOpened(ticket.ticketId(), data(ticket));

    ConsumerRecord<String, String> routed = recorder.await(routedFor(ticket.ticketId()), PATIENCE);
    assertThat(
            EventSchemas.violations(
                EventCatalogue.byType(EventTypes.WORKORDER_ROUTED).orElseThrow(), routed.value()))
        .isEmpty();
    JsonNode event = json.readTree(routed.value());
    String workOrderId = event.get("workOrderId").asString();
    assertThat(event.get("department").asString()).isEqualTo("network-ops");
    assertThat(event.get("routingRule").asString()).isEqualTo("network-faults");
    assertThat(event.get("customerId").asString()).isEqualTo(ticket.customerId());
    assertThat(routed.key()).isEqualTo(workOrderId);
    assertThat(header(routed, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(routed, "ce_subject")).isEqualTo(workOrderId);
    assertThat(header(routed, "ce_source")).isEqualTo("/crossdesk/workorder-service");
    assertThat(header(routed, "ce_id")).isNotBlank();
    assertThat(Instant.parse(header(routed, "ce_time")))
        .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    assertThat(header(routed, "content-type")).isEqualTo("application/json");
    assertThat(header(routed, "traceparent")).isNotBlank();

    HttpResponse<String> response = get("/api/workorders/" + workOrderId, TestTokens.agent());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode order = json.readTree(response.body());
    assertThat(order.get("id").asString()).isEqualTo(workOrderId);
    assertThat(order.get("ticketId").asString()).isEqualTo(ticket.ticketId());
    assertThat(order.get("customerTier").asString()).isEqualTo("A");
    assertThat(order.get("category").asString()).isEqualTo("NETWORK");
    assertThat(order.get("priority").asString()).isEqualTo("HIGH");
    assertThat(order.get("title").asString()).isEqualTo(ticket.title());
    assertThat(order.get("department").asString()).isEqualTo("network-ops");
    assertThat(order.get("routingRule").asString()).isEqualTo("network-faults");
    assertThat(order.get("status").asString()).isEqualTo("ROUTED");
    assertThat(Instant.parse(order.get("resolveBy").asString())).isEqualTo(ticket.resolveBy());
    assertThat(Instant.parse(order.get("createdAt").asString()))
        .isEqualTo(Instant.parse(event.get("routedAt").asString()));
    assertThat(order.has("version")).isFalse();
    assertThat(order.has("outbox")).isFalse();
  }

  @Test
  void opens_exactly_one_work_order_per_ticket_however_often_it_arrives() throws Exception {
    TicketOpened ticket = ticket("CHARGE_DISPUTE");
    ProducerRecord<String, String> opened =
        CloudEventsProducer.event(
            Topics.TICKETS, ticket.ticketId(), EventTypes.TICKET_OPENED, data(ticket));

    producer.send(opened);
    producer.send(opened);
    publishOpened(ticket.ticketId(), data(ticket));
    awaitProcessedBehind(ticket.ticketId());

    assertOneWorkOrderFor(ticket, "billing");
  }

  @Test
  void a_ticket_delivered_again_after_a_crash_before_the_offset_commit_keeps_its_work_order()
      throws Exception {
    TicketOpened ticket = ticket("TARIFF");
    // The first delivery stored its work order, then the process died before the consumer
    // recorded the event and committed the offset: the broker delivers it once more.
    routing.route(ticket);

    publishOpened(ticket.ticketId(), data(ticket));
    awaitProcessedBehind(ticket.ticketId());

    assertOneWorkOrderFor(ticket, "service-center");
  }

  @Test
  void sends_a_ticket_that_violates_its_schema_to_the_dead_letter_topic_and_goes_on()
      throws Exception {
    String key = "T-" + UUID.randomUUID();
    String poison =
        "{\"ticketId\":\""
            + key
            + "\",\"customerId\":\"C-1\",\"customerTier\":\"Z\",\"category\":\"NETWORK\"}";
    TicketOpened behindIt = ticket("REFUND");

    String poisonId = publishOpened(key, poison);
    publishOpened(key, data(behindIt));

    ConsumerRecord<String, String> dead =
        recorder.await(
            record ->
                record.topic().equals(Topics.deadLetterOf(Topics.TICKETS))
                    && poisonId.equals(header(record, "ce_id")),
            PATIENCE);
    assertThat(header(dead, "crossdesk_dlt_reason")).contains("violates its schema");
    assertThat(dead.value()).isEqualTo(poison);
    recorder.await(routedFor(behindIt.ticketId()), PATIENCE);
    assertThat(workOrdersOfTicket(key)).isEmpty();
  }

  @Test
  void ignores_other_ticket_events() throws Exception {
    String key = "T-" + UUID.randomUUID();

    String otherId =
        producer.publish(
            Topics.TICKETS, key, "crossdesk.ticket.closed.v1", "{\"ticketId\":\"" + key + "\"}");
    awaitProcessedBehind(key);

    assertThat(workOrdersOfTicket(key)).isEmpty();
    // Passed over: neither failed (that would have dead-lettered it) nor recorded as processed.
    try (TopicRecorder dead = TopicRecorder.of(Topics.deadLetterOf(Topics.TICKETS))) {
      assertThat(dead.all(record -> otherId.equals(TopicRecorder.header(record, "ce_id"))))
          .isEmpty();
    }
    assertThat(mongo.count(Query.query(Criteria.where("eventId").is(otherId)), "processed_events"))
        .isZero();
  }

  @Test
  void department_staff_see_only_their_own_queue() throws Exception {
    String networkOrder = routeAndAwait(ticket("OUTAGE"));
    String billingOrder = routeAndAwait(ticket("BILLING"));
    String networkStaff = TestTokens.department("network-ops");

    HttpResponse<String> queue = get("/api/workorders", networkStaff);
    assertThat(queue.statusCode()).isEqualTo(200);
    List<JsonNode> orders = json.readTree(queue.body()).valueStream().toList();
    assertThat(orders)
        .isNotEmpty()
        .allSatisfy(
            order -> assertThat(order.get("department").asString()).isEqualTo("network-ops"));
    assertThat(orders)
        .extracting(order -> order.get("id").asString())
        .contains(networkOrder)
        .doesNotContain(billingOrder);
    assertThat(get("/api/workorders/" + networkOrder, networkStaff).statusCode()).isEqualTo(200);

    assertProblem(get("/api/workorders/" + billingOrder, networkStaff), 404);
    assertProblem(get("/api/workorders?department=billing", networkStaff), 403);
    assertThat(
            json.readTree(get("/api/workorders?department=billing", TestTokens.supervisor()).body())
                .findValuesAsString("id"))
        .contains(billingOrder)
        .doesNotContain(networkOrder);
  }

  @Test
  void answers_callers_who_may_not_read_or_ask_wrongly_with_problem_details() throws Exception {
    assertProblem(get("/api/workorders", null), 401);
    assertProblem(get("/api/workorders", TestTokens.customer("C-1")), 403);
    assertProblem(get("/api/workorders/" + UUID.randomUUID(), TestTokens.customer("C-1")), 403);
    assertProblem(get("/api/workorders/not-a-work-order", TestTokens.agent()), 404);
  }

  @Test
  void answers_an_unknown_department_or_status_filter_as_a_bad_request_naming_each()
      throws Exception {
    JsonNode unknownDepartment =
        assertProblem(get("/api/workorders?department=catering", TestTokens.agent()), 400);
    assertThat(unknownDepartment.get("errors")).hasSize(1);
    assertThat(unknownDepartment.get("errors").get(0).get("field").asString())
        .isEqualTo("department");
    assertThat(unknownDepartment.get("errors").get(0).get("message").asString())
        .contains("network-ops", "billing", "service-center", "field-service");

    JsonNode both =
        assertProblem(
            get("/api/workorders?department=NETWORK_OPS&status=LOST", TestTokens.agent()), 400);
    assertThat(both.get("errors").valueStream().map(error -> error.get("field").asString()))
        .containsExactlyInAnyOrder("department", "status");
    assertThat(
            both.get("errors")
                .valueStream()
                .filter(error -> error.get("field").asString().equals("status"))
                .map(error -> error.get("message").asString()))
        .singleElement()
        .asString()
        .contains("ROUTED");

    // Department staff asking with a malformed filter get the same answer as everyone else.
    assertProblem(
        get("/api/workorders?department=catering", TestTokens.department("network-ops")), 400);
    assertThat(
            get("/api/workorders?department=&status=", TestTokens.department("network-ops"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void lists_the_routing_rules_in_the_order_they_are_tried_and_seeds_them_once() throws Exception {
    mongo.remove(new Query(), "routing_rules");
    seeder.seed();
    seeder.seed();
    assertThat(mongo.getCollection("routing_rules").countDocuments()).isEqualTo(4);

    HttpResponse<String> response = get("/api/routing-rules", TestTokens.admin());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode rules = json.readTree(response.body());
    assertThat(rules.findValuesAsString("id"))
        .containsExactly("network-faults", "billing-disputes", "field-work", "default");
    assertThat(rules.get(0).get("department").asString()).isEqualTo("network-ops");
    assertThat(rules.get(0).get("categories").valueStream().map(JsonNode::asString))
        .containsExactly("NETWORK", "OUTAGE", "SIGNAL");
    assertThat(get("/api/routing-rules", TestTokens.agent()).statusCode()).isEqualTo(200);
    assertProblem(get("/api/routing-rules", TestTokens.department("billing")), 403);

    JsonNode departments = json.readTree(get("/api/departments", TestTokens.agent()).body());
    assertThat(departments.findValuesAsString("id"))
        .containsExactly(
            "network-ops",
            "billing",
            "service-center",
            "field-service",
            "network-planning",
            "account-management");
  }

  private void assertOneWorkOrderFor(TicketOpened ticket, String department) throws Exception {
    JsonNode orders = workOrdersOfTicket(ticket.ticketId());
    assertThat(orders).hasSize(1);
    assertThat(orders.get(0).get("department").asString()).isEqualTo(department);
    String workOrderId = orders.get(0).get("id").asString();
    recorder.await(routedFor(ticket.ticketId()), PATIENCE);
    List<String> announced =
        recorder.all(routedFor(ticket.ticketId())).stream()
            .map(record -> json.readTree(record.value()).get("workOrderId").asString())
            .toList();
    assertThat(announced).containsExactly(workOrderId);
  }

  /**
   * Waits until everything published so far under {@code key} has been consumed: a ticket behind it
   * on the same partition is handled only after them.
   */
  private void awaitProcessedBehind(String key) {
    TicketOpened marker = ticket("SIGNAL");
    publishOpened(key, data(marker));
    recorder.await(routedFor(marker.ticketId()), PATIENCE);
  }

  private String routeAndAwait(TicketOpened ticket) {
    publishOpened(ticket.ticketId(), data(ticket));
    ConsumerRecord<String, String> routed = recorder.await(routedFor(ticket.ticketId()), PATIENCE);
    return json.readTree(routed.value()).get("workOrderId").asString();
  }

  private JsonNode workOrdersOfTicket(String ticketId) throws Exception {
    HttpResponse<String> response = get("/api/workorders?ticketId=" + ticketId, TestTokens.agent());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private Predicate<ConsumerRecord<String, String>> routedFor(String ticketId) {
    return record ->
        record.topic().equals(Topics.WORKORDERS)
            && EventTypes.WORKORDER_ROUTED.equals(header(record, "ce_type"))
            && ticketId.equals(json.readTree(record.value()).get("ticketId").asString());
  }

  private static TicketOpened ticket(String category) {
    Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new TicketOpened(
        "T-" + UUID.randomUUID(),
        "C-" + UUID.randomUUID().toString().substring(0, 8),
        "A",
        "HOTLINE",
        category,
        "HIGH",
        "Customer request about " + category.toLowerCase(),
        null,
        "agent-7",
        null,
        null,
        openedAt,
        openedAt.plus(4, ChronoUnit.HOURS),
        null,
        null,
        null,
        null);
  }

  private String data(TicketOpened ticket) {
    return json.writeValueAsString(ticket);
  }

  /** Publishes a TicketOpened event as ticket-service would and returns its id. */
  private static String publishOpened(String key, String data) {
    return producer.publish(Topics.TICKETS, key, EventTypes.TICKET_OPENED, data);
  }

  private HttpResponse<String> get(String path, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    return problem;
  }
}
