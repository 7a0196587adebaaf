package io.crossdesk.workorder.order;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static io.crossdesk.workorder.order.WorkOrderIntegrationSupport.PATIENCE;
import static io.crossdesk.workorder.order.WorkOrderIntegrationSupport.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.workorder.configuration.application.ConfigurationSeeder;
import io.crossdesk.workorder.configuration.application.RoutingConfiguration;
import io.crossdesk.workorder.order.application.WorkOrderOpening;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tickets in over the real broker, work orders in MongoDB and their events out, the configuration
 * read and changed over the real HTTP API with signed tokens.
 */
@CrossdeskIntegrationTest
class WorkOrderRoutingIntegrationTest {

  private static CloudEventsProducer producer;
  private static TopicRecorder recorder;

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired WorkOrderOpening opening;
  @Autowired ConfigurationSeeder seeder;
  @Autowired RoutingConfiguration configuration;
  @Autowired MongoTemplate mongo;

  private WorkOrderIntegrationSupport it;

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

  @BeforeEach
  void support() {
    it = new WorkOrderIntegrationSupport(json, port, producer, recorder);
  }

  @Test
  void routes_an_opened_ticket_into_its_flow_and_announces_the_first_step() throws Exception {
    TicketOpened ticket = ticket(null, "NETWORK", "No signal downtown", "A");

    it.publishOpened(ticket.ticketId(), it.data(ticket));

    ConsumerRecord<String, String> routed =
        recorder.await(it.routedOfTicket(ticket.ticketId()), PATIENCE);
    JsonNode event = it.awaitEvent(EventTypes.WORKORDER_ROUTED, routed.key(), any -> true);
    String workOrderId = event.get("workOrderId").asString();
    assertThat(event.get("department").asString()).isEqualTo("field-service");
    assertThat(event.get("departmentName").asString()).isEqualTo("our field engineers");
    assertThat(event.get("stepId").asString()).isEqualTo("repair");
    assertThat(event.get("stepKind").asString()).isEqualTo("TASK");
    assertThat(event.get("routingRule").asString()).isEqualTo("network-faults");
    assertThat(event.get("round").asInt()).isEqualTo(1);
    Instant dueAt = Instant.parse(event.get("dueAt").asString());
    Instant expected = Instant.parse(event.get("expectedCompletion").asString());
    assertThat(expected).isAfter(dueAt);
    assertThat(routed.key()).isEqualTo(workOrderId);
    assertThat(header(routed, "ce_subject")).isEqualTo(workOrderId);
    assertThat(header(routed, "ce_source")).isEqualTo("/crossdesk/workorder-service");
    assertThat(Instant.parse(header(routed, "ce_time")))
        .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));

    JsonNode order = it.ok(it.get("/api/workorders/" + workOrderId, TestTokens.agent()));
    assertThat(order.get("ticketId").asString()).isEqualTo(ticket.ticketId());
    assertThat(order.get("template").asString()).isEqualTo("fault-repair");
    assertThat(order.get("templateVersion").asInt()).isEqualTo(1);
    assertThat(order.get("status").asString()).isEqualTo("OPEN");
    assertThat(order.get("department").asString()).isEqualTo("field-service");
    assertThat(order.get("priority").asString()).isEqualTo("HIGH");
    assertThat(order.get("steps").findValuesAsString("id"))
        .containsExactly("repair", "verification", "call-back");
    assertThat(order.get("steps").findValuesAsString("status"))
        .containsExactly("READY", "WAITING", "WAITING");
    assertThat(Instant.parse(order.get("expectedCompletion").asString())).isEqualTo(expected);
    assertThat(order.has("version")).isFalse();
    assertThat(order.has("outbox")).isFalse();
  }

  @Test
  void opens_exactly_one_work_order_per_ticket_however_often_it_arrives() throws Exception {
    TicketOpened ticket = ticket(null, "CHARGE_DISPUTE", "Charged twice", "B");
    ProducerRecord<String, String> opened =
        CloudEventsProducer.event(
            Topics.TICKETS, ticket.ticketId(), EventTypes.TICKET_OPENED, it.data(ticket));

    producer.send(opened);
    producer.send(opened);
    it.publishOpened(ticket.ticketId(), it.data(ticket));
    awaitProcessedBehind(ticket.ticketId());

    assertOneWorkOrderAnnouncedOnce(ticket, "billing");
  }

  @Test
  void a_ticket_delivered_again_after_a_crash_before_the_offset_commit_keeps_its_work_order()
      throws Exception {
    TicketOpened ticket = ticket("CONSULTATION", "TARIFF", "Which tariff?", "C");
    // The first delivery stored its work order, then the process died before the offset commit.
    opening.opened(ticket);

    it.publishOpened(ticket.ticketId(), it.data(ticket));
    awaitProcessedBehind(ticket.ticketId());

    assertOneWorkOrderAnnouncedOnce(ticket, "service-center");
  }

  @Test
  void a_ticket_resolved_at_first_contact_gets_no_work_order() throws Exception {
    TicketOpened base = ticket("CONSULTATION", "TARIFF", "Answered on the phone", "B");
    TicketOpened resolved =
        new TicketOpened(
            base.ticketId(),
            base.customerId(),
            base.customerTier(),
            base.channel(),
            base.category(),
            base.priority(),
            base.title(),
            base.description(),
            base.openedBy(),
            null,
            null,
            base.openedAt(),
            base.resolveBy(),
            base.ticketNumber(),
            base.ticketType(),
            base.owner(),
            true,
            null);

    it.publishOpened(resolved.ticketId(), it.data(resolved));
    awaitProcessedBehind(resolved.ticketId());

    assertThat(
            mongo.count(
                Query.query(Criteria.where("ticketId").is(resolved.ticketId())), "work_orders"))
        .isZero();
  }

  @Test
  void a_reopened_ticket_gets_a_new_work_order_for_its_round_raised_and_marked_a_repeat()
      throws Exception {
    TicketOpened ticket = ticket("FAULT", "SIGNAL", "Weak signal", "B");
    String first = it.routeAndAwait(ticket).get("workOrderId").asString();
    TicketReopened reopened =
        new TicketReopened(
            ticket.ticketId(),
            ticket.ticketNumber(),
            ticket.customerId(),
            "B",
            "FAULT",
            "HOTLINE",
            "SIGNAL",
            "HIGH",
            ticket.title(),
            null,
            "still weak",
            1,
            2,
            "customer",
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            ticket.resolveBy(),
            null);
    String data = it.data(reopened);

    producer.publish(Topics.TICKETS, ticket.ticketId(), EventTypes.TICKET_REOPENED, data);
    producer.publish(Topics.TICKETS, ticket.ticketId(), EventTypes.TICKET_REOPENED, data);
    JsonNode routed =
        json.readTree(
            recorder
                .await(
                    record ->
                        it.routedOfTicket(ticket.ticketId()).test(record)
                            && json.readTree(record.value()).get("round").asInt() == 2,
                    PATIENCE)
                .value());
    awaitProcessedBehind(ticket.ticketId());

    String second = routed.get("workOrderId").asString();
    assertThat(second).isNotEqualTo(first);
    JsonNode order = it.ok(it.get("/api/workorders/" + second, TestTokens.supervisor()));
    assertThat(order.get("round").asInt()).isEqualTo(2);
    assertThat(order.get("repeat").asBoolean()).isTrue();
    assertThat(order.get("priority").asString()).isEqualTo("URGENT");
    assertThat(order.get("escalationLevel").asInt()).isEqualTo(1);
    assertThat(
            mongo.count(
                Query.query(Criteria.where("ticketId").is(ticket.ticketId())), "work_orders"))
        .isEqualTo(2);
  }

  @Test
  void routes_by_the_region_a_ticket_carries_and_routes_its_reopening_the_same() throws Exception {
    it.ok(
        it.put(
            "/api/routing-rules/shanghai-signal",
            TestTokens.admin(),
            "{\"order\":5,\"conditions\":{\"categories\":[\"SIGNAL\"],\"regions\":[\"CN-SH\"]},"
                + "\"template\":\"field-visit\",\"description\":\"Shanghai signal faults\"}"));
    TicketOpened ticket =
        WorkOrderIntegrationSupport.inRegion(
            ticket("FAULT", "SIGNAL", "Weak signal", "B"), "CN-SH");
    TicketOpened elsewhere = ticket("FAULT", "SIGNAL", "Weak signal", "B");

    JsonNode routed = it.routeAndAwait(ticket);
    JsonNode routedElsewhere = it.routeAndAwait(elsewhere);
    TicketReopened reopened =
        new TicketReopened(
            ticket.ticketId(),
            ticket.ticketNumber(),
            ticket.customerId(),
            "B",
            "FAULT",
            "HOTLINE",
            "SIGNAL",
            "HIGH",
            ticket.title(),
            null,
            "still weak",
            1,
            2,
            "customer",
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            ticket.resolveBy(),
            "CN-SH");
    producer.publish(
        Topics.TICKETS, ticket.ticketId(), EventTypes.TICKET_REOPENED, it.data(reopened));
    JsonNode second =
        json.readTree(
            recorder
                .await(
                    record ->
                        it.routedOfTicket(ticket.ticketId()).test(record)
                            && json.readTree(record.value()).get("round").asInt() == 2,
                    PATIENCE)
                .value());
    assertThat(it.delete("/api/routing-rules/shanghai-signal", TestTokens.admin()).statusCode())
        .isEqualTo(204);

    assertThat(routed.get("routingRule").asString()).isEqualTo("shanghai-signal");
    assertThat(routed.get("stepId").asString()).isEqualTo("visit");
    assertThat(routedElsewhere.get("routingRule").asString()).isEqualTo("network-faults");
    assertThat(second.get("routingRule").asString()).isEqualTo("shanghai-signal");
  }

  @Test
  void supervisors_and_administrators_read_the_audit_trail_newest_first_and_paged()
      throws Exception {
    String rule = "audited-" + UUID.randomUUID().toString().substring(0, 8);
    String path = "/api/routing-rules/" + rule;
    String body =
        "{\"order\":%d,\"conditions\":{\"categories\":[\"AUDIT_TEST\"]},"
            + "\"template\":\"field-visit\",\"description\":\"Audited\"}";
    it.ok(it.put(path, TestTokens.admin(), body.formatted(600)));
    it.ok(it.put(path, TestTokens.admin(), body.formatted(601)));
    assertThat(it.delete(path, TestTokens.admin()).statusCode()).isEqualTo(204);
    String changes = "/api/routing-configuration/changes?kind=ROUTING_RULE&itemId=" + rule;

    JsonNode trail = it.ok(it.get(changes, TestTokens.supervisor()));
    JsonNode firstPage = it.ok(it.get(changes + "&size=2", TestTokens.admin()));
    JsonNode lastPage = it.ok(it.get(changes + "&size=2&page=1", TestTokens.admin()));

    assertThat(trail.get("items").findValuesAsString("action"))
        .containsExactly("DELETED", "UPDATED", "CREATED");
    assertThat(trail.get("items").get(1).get("changedBy").asString()).isEqualTo("admin-1");
    assertThat(trail.get("items").get(1).get("content").get("order").asInt()).isEqualTo(601);
    assertThat(firstPage.get("items")).hasSize(2);
    assertThat(firstPage.get("hasNext").asBoolean()).isTrue();
    assertThat(lastPage.get("items").findValuesAsString("action")).containsExactly("CREATED");
    assertThat(lastPage.get("hasNext").asBoolean()).isFalse();
    assertThat(
            it.ok(it.get("/api/routing-configuration/changes", TestTokens.admin()))
                .get("items")
                .get(0)
                .get("itemId")
                .asString())
        .isEqualTo(rule);
    JsonNode refused =
        it.assertProblem(
            it.get("/api/routing-configuration/changes?kind=WEATHER&size=0", TestTokens.admin()),
            400);
    assertThat(refused.get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("kind", "size");
    it.assertProblem(it.get(changes, TestTokens.agent()), 403);
    it.assertProblem(it.get(changes, TestTokens.department("billing")), 403);
  }

  @Test
  void sends_a_ticket_that_violates_its_schema_to_the_dead_letter_topic_and_goes_on()
      throws Exception {
    String key = "T-" + UUID.randomUUID();
    String poison =
        "{\"ticketId\":\""
            + key
            + "\",\"customerId\":\"C-1\",\"customerTier\":\"Z\",\"category\":\"NETWORK\"}";
    TicketOpened behindIt = ticket(null, "REFUND", "Refund please", "B");

    String poisonId = it.publishOpened(key, poison);
    it.publishOpened(key, it.data(behindIt));

    ConsumerRecord<String, String> dead =
        recorder.await(
            record ->
                record.topic().equals(Topics.deadLetterOf(Topics.TICKETS))
                    && poisonId.equals(header(record, "ce_id")),
            PATIENCE);
    assertThat(header(dead, "crossdesk_dlt_reason")).contains("violates its schema");
    recorder.await(it.routedOfTicket(behindIt.ticketId()), PATIENCE);
    assertThat(mongo.count(Query.query(Criteria.where("ticketId").is(key)), "work_orders"))
        .isZero();
  }

  @Test
  void department_staff_see_only_their_own_queue() throws Exception {
    String networkOrder =
        it.routeAndAwait(ticket("COMPLAINT", "OUTAGE", "Outage again", "B"))
            .get("workOrderId")
            .asString();
    String billingOrder =
        it.routeAndAwait(ticket(null, "BILLING", "Bill too high", "B"))
            .get("workOrderId")
            .asString();
    String networkStaff = TestTokens.department("network-ops");

    JsonNode queue = it.ok(it.get("/api/workorders?size=100", networkStaff));
    assertThat(queue.get("items").valueStream().toList())
        .isNotEmpty()
        .allSatisfy(
            entry -> assertThat(entry.get("department").asString()).isEqualTo("network-ops"));
    assertThat(queue.get("items").findValuesAsString("workOrderId"))
        .contains(networkOrder)
        .doesNotContain(billingOrder);
    it.ok(it.get("/api/workorders/" + networkOrder, networkStaff));

    it.assertProblem(it.get("/api/workorders/" + billingOrder, networkStaff), 404);
    it.assertProblem(it.get("/api/workorders?department=billing", networkStaff), 403);
    assertThat(
            it.ok(it.get("/api/workorders?department=billing&size=100", TestTokens.supervisor()))
                .get("items")
                .findValuesAsString("workOrderId"))
        .contains(billingOrder)
        .doesNotContain(networkOrder);
  }

  @Test
  void answers_an_unknown_department_or_status_filter_as_a_bad_request_naming_each()
      throws Exception {
    JsonNode unknown =
        it.assertProblem(it.get("/api/workorders?department=catering", TestTokens.agent()), 400);
    assertThat(unknown.get("errors")).hasSize(1);
    assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("department");
    assertThat(unknown.get("errors").get(0).get("message").asString())
        .contains("network-ops", "billing", "service-center", "field-service");

    JsonNode both =
        it.assertProblem(
            it.get(
                "/api/workorders?department=NETWORK_OPS&status=LOST&size=500", TestTokens.agent()),
            400);
    assertThat(both.get("errors").valueStream().map(error -> error.get("field").asString()))
        .containsExactlyInAnyOrder("department", "status", "size");

    it.assertProblem(it.get("/api/workorders", null), 401);
    it.assertProblem(it.get("/api/workorders", TestTokens.customer("C-1")), 403);
    it.assertProblem(it.get("/api/workorders/not-a-work-order", TestTokens.agent()), 404);
  }

  @Test
  void seeds_the_configuration_once_and_keeps_what_administrators_changed() throws Exception {
    for (String collection : List.of("routing_rules", "flow_templates", "departments")) {
      mongo.remove(new Query(), collection);
    }
    seeder.seed();
    // An administrator removes a rule; a later start-up must not bring it back.
    mongo.remove(Query.query(Criteria.where("_id").is("field-work")), "routing_rules");
    seeder.seed();
    configuration.changed();

    JsonNode rules = it.ok(it.get("/api/routing-rules", TestTokens.admin()));
    assertThat(rules.findValuesAsString("id"))
        .doesNotContain("field-work")
        .startsWith("complaint-network")
        .endsWith("default");
    assertThat(mongo.getCollection("flow_templates").countDocuments()).isEqualTo(10);
    assertThat(mongo.getCollection("departments").countDocuments()).isEqualTo(6);
    it.assertProblem(it.get("/api/routing-rules", TestTokens.department("billing")), 403);
    assertThat(it.ok(it.get("/api/departments", TestTokens.agent())).findValuesAsString("id"))
        .contains(
            "service-center",
            "network-ops",
            "network-planning",
            "field-service",
            "billing",
            "account-management");
  }

  @Test
  void tests_a_ticket_against_the_rules_without_storing_or_publishing_anything() throws Exception {
    long workOrders = mongo.getCollection("work_orders").countDocuments();
    String ticket =
        "{\"ticketType\":\"COMPLAINT\",\"category\":\"OTHER\",\"title\":\"投诉\","
            + "\"description\":\"家里断网三天了\",\"customerTier\":\"B\",\"channel\":\"HOTLINE\","
            + "\"priority\":\"NORMAL\"}";

    JsonNode answer = it.ok(it.post("/api/routing-rules/test", TestTokens.admin(), ticket));

    assertThat(answer.get("rule").asString()).isEqualTo("complaint-network-words");
    assertThat(answer.get("template").asString()).isEqualTo("complaint-network-ops");
    assertThat(answer.get("firstSteps").get(0).get("department").asString())
        .isEqualTo("network-ops");
    assertThat(mongo.getCollection("work_orders").countDocuments()).isEqualTo(workOrders);
  }

  @Test
  void refuses_a_flow_with_an_unknown_department_a_cycle_or_an_unreachable_step() throws Exception {
    String cycle =
        "{\"name\":\"Broken\",\"steps\":["
            + step("a", "billing", "[]")
            + ","
            + step("b", "catering", "[\"a\",\"c\"]")
            + ","
            + step("c", "billing", "[\"b\"]")
            + ","
            + step("d", "billing", "[\"c\"]")
            + "]}";
    JsonNode unknown =
        it.assertProblem(it.put("/api/flow-templates/broken", TestTokens.admin(), cycle), 400);
    assertThat(unknown.get("errors").findValuesAsString("field"))
        .containsExactly("steps[1].department");

    String cycleOnly = cycle.replace("catering", "billing");
    JsonNode problems =
        it.assertProblem(it.put("/api/flow-templates/broken", TestTokens.admin(), cycleOnly), 400);
    assertThat(problems.get("errors").findValuesAsString("field"))
        .containsExactly("steps", "steps[3]");
    assertThat(it.get("/api/flow-templates/broken", TestTokens.admin()).statusCode())
        .isEqualTo(404);

    it.assertProblem(
        it.put("/api/flow-templates/broken", TestTokens.department("billing"), cycleOnly), 403);
  }

  @Test
  void a_changed_flow_is_a_new_version_that_routing_uses_while_running_orders_keep_theirs()
      throws Exception {
    String workOrder =
        it.routeAndAwait(ticket(null, "INSTALLATION", "New router", "B"))
            .get("workOrderId")
            .asString();
    String twoSteps =
        "{\"name\":\"Work on site\",\"steps\":["
            + step("visit", "field-service", "[]")
            + ","
            + step("check", "network-ops", "[\"visit\"]")
            + "]}";

    JsonNode saved = it.ok(it.put("/api/flow-templates/field-visit", TestTokens.admin(), twoSteps));

    assertThat(saved.get("version").asInt()).isEqualTo(2);
    assertThat(
            it.ok(it.get("/api/flow-templates/field-visit/versions/1", TestTokens.admin()))
                .get("steps"))
        .hasSize(1);
    JsonNode running = it.ok(it.get("/api/workorders/" + workOrder, TestTokens.agent()));
    assertThat(running.get("templateVersion").asInt()).isEqualTo(1);
    assertThat(running.get("steps")).hasSize(1);
    JsonNode changed =
        it.awaitEvent(
            EventTypes.ROUTING_CONFIGURATION_CHANGED,
            "FLOW_TEMPLATE:field-visit",
            event -> event.get("version").asInt() == 2);
    assertThat(changed.get("changedBy").asString()).isEqualTo("admin-1");

    String next =
        it.routeAndAwait(ticket(null, "INSTALLATION", "Another router", "B"))
            .get("workOrderId")
            .asString();
    assertThat(
            it.ok(it.get("/api/workorders/" + next, TestTokens.agent()))
                .get("templateVersion")
                .asInt())
        .isEqualTo(2);
  }

  private static String step(String id, String department, String after) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\"Step "
        + id
        + "\",\"kind\":\"TASK\",\"department\":\""
        + department
        + "\",\"ola\":{\"minutes\":240,\"clock\":\"BUSINESS_HOURS\"},\"after\":"
        + after
        + "}";
  }

  /**
   * Counts the announcements per work order, so a second work order or a second announcement of the
   * same one both fail.
   */
  private void assertOneWorkOrderAnnouncedOnce(TicketOpened ticket, String department) {
    List<JsonNode> announced =
        recorder.all(it.routedOfTicket(ticket.ticketId())).stream()
            .map(record -> json.readTree(record.value()))
            .toList();
    assertThat(announced).hasSize(1);
    assertThat(announced.get(0).get("department").asString()).isEqualTo(department);
    assertThat(
            mongo.count(
                Query.query(Criteria.where("ticketId").is(ticket.ticketId())), "work_orders"))
        .isEqualTo(1);
  }

  /**
   * Waits until everything published so far under {@code key} has been consumed and its events
   * published: a ticket behind it on the same partition is handled only after them.
   */
  private void awaitProcessedBehind(String key) {
    TicketOpened marker = ticket(null, "SIGNAL", "marker", "B");
    it.publishOpened(key, it.data(marker));
    recorder.await(it.routedOfTicket(marker.ticketId()), PATIENCE);
  }
}
