package io.crossdesk.ticket.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.ticket.IntegrationTestSupport;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.customer.persistence.CustomerProjection;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A ticket's life over the API and from work-order events, with what each caller sees. */
class TicketLifecycleIntegrationTest extends IntegrationTestSupport {

  private static final String AGENT = TestTokens.agent();

  @Autowired CustomerProjection projection;

  private String open(String customerId, String fields) {
    HttpResponse<String> created =
        post(
            "/api/tickets",
            """
            {"customerId":"%s","channel":"HOTLINE","title":"Leased line down",
             "description":"No traffic since 07:40",%s}"""
                .formatted(customerId, fields),
            AGENT);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return body(created).path("id").asString();
  }

  private JsonNode act(String ticketId, String action, String body, String token) {
    HttpResponse<String> answer = post("/api/tickets/" + ticketId + "/" + action, body, token);
    assertThat(answer.statusCode()).as(action + ": " + answer.body()).isEqualTo(200);
    return body(answer);
  }

  private JsonNode ticket(String ticketId, String token) {
    HttpResponse<String> answer = get("/api/tickets/" + ticketId, token);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return body(answer);
  }

  private String customer(String tier) {
    String customerId = unique("cust");
    registerCustomer(customerId, tier);
    return customerId;
  }

  @Test
  void a_ticket_gets_a_number_a_type_and_priority_from_its_category_and_its_owner() {
    String customerId = customer("A");

    JsonNode ticket = ticket(open(customerId, "\"category\":\"NETWORK\""), AGENT);

    assertThat(ticket.path("number").asString()).matches("CD-\\d{8}-\\d{6,}");
    assertThat(ticket.path("type").asString()).isEqualTo("FAULT");
    // The category's HIGH, one step up for a tier A fault.
    assertThat(ticket.path("priority").asString()).isEqualTo("URGENT");
    assertThat(ticket.path("owner").asString()).isEqualTo("agent-7");
    assertThat(ticket.path("sla").path("resolution").path("target").asString()).isEqualTo("PT4H");
    assertThat(ticket.path("sla").path("firstResponse").path("met").asBoolean()).isFalse();
    assertThat(ticket(ticket.path("number").asString(), AGENT).path("id").asString())
        .isEqualTo(ticket.path("id").asString());
  }

  @Test
  void a_customer_opening_their_own_ticket_leaves_it_with_the_service_center_desk() {
    String customerId = customer("C");
    HttpResponse<String> created =
        post(
            "/api/tickets",
            """
            {"customerId":"%s","channel":"APP","category":"BILLING","title":"Charged twice",
             "description":"Twice in November"}"""
                .formatted(customerId),
            TestTokens.customer(customerId));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(body(created).path("owner").asString()).isEqualTo("service-center");
    assertThat(body(created).path("type").asString()).isEqualTo("COMPLAINT");
    assertThat(body(created).has("escalationLevel")).isFalse();
  }

  @Test
  void an_unknown_category_names_the_valid_ones_and_stores_nothing() {
    String customerId = customer("B");

    HttpResponse<String> refused =
        post(
            "/api/tickets",
            """
            {"customerId":"%s","channel":"HOTLINE","category":"WEATHER","title":"Rain",
             "description":"It rains"}"""
                .formatted(customerId),
            AGENT);

    assertProblem(refused, 400);
    assertThat(body(refused).path("errors").get(0).path("field").asString()).isEqualTo("category");
    assertThat(body(refused).path("errors").get(0).path("message").asString())
        .contains("BILLING", "NETWORK", "TARIFF", "OTHER");
    assertThat(body(get("/api/tickets?customerId=" + customerId, AGENT)).path("items")).isEmpty();
  }

  @Test
  void a_consultation_resolved_at_first_contact_gets_no_work_order_and_says_so() {
    String customerId = customer("B");
    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      String ticketId =
          open(
              customerId,
              "\"category\":\"TARIFF\",\"resolution\":\"Explained the weekend tariff\"");

      JsonNode ticket = ticket(ticketId, AGENT);
      assertThat(ticket.path("status").asString()).isEqualTo("RESOLVED");
      assertThat(ticket.path("resolution").path("firstContact").asBoolean()).isTrue();
      var opened =
          tickets.await(
              r ->
                  ticketId.equals(r.key())
                      && TopicRecorder.ofType(EventTypes.TICKET_OPENED).test(r),
              ASYNC);
      assertThat(json.readTree(opened.value()).path("resolvedAtFirstContact").asBoolean()).isTrue();
      var resolved =
          tickets.await(
              r ->
                  ticketId.equals(r.key())
                      && TopicRecorder.ofType(EventTypes.TICKET_RESOLVED).test(r),
              ASYNC);
      assertSchemaValid(EventTypes.TICKET_RESOLVED, resolved.value());
      JsonNode data = json.readTree(resolved.value());
      assertThat(data.path("firstContact").asBoolean()).isTrue();
      // Answered and resolved while the customer was on the line: the first response is the
      // resolution, in time, and both took no more business time than they took at all.
      assertThat(data.path("respondedAt").asString()).isEqualTo(data.path("resolvedAt").asString());
      assertThat(data.path("firstResponseBreached").asBoolean()).isFalse();
      long openToResolved =
          java.time.Duration.between(
                  java.time.Instant.parse(data.path("openedAt").asString()),
                  java.time.Instant.parse(data.path("resolvedAt").asString()))
              .toSeconds();
      assertThat(data.path("resolutionBusinessSeconds").asLong())
          .isBetween(0L, openToResolved)
          .isEqualTo(data.path("responseBusinessSeconds").asLong());
    }
  }

  @Test
  void only_a_consultation_can_be_resolved_at_first_contact() {
    String customerId = customer("B");
    HttpResponse<String> refused =
        post(
            "/api/tickets",
            """
            {"customerId":"%s","channel":"HOTLINE","category":"NETWORK","title":"Down",
             "description":"Down","resolution":"Rebooted it"}"""
                .formatted(customerId),
            AGENT);

    assertProblem(refused, 400);
    assertThat(body(refused).path("errors").get(0).path("field").asString())
        .isEqualTo("resolution");
  }

  @Test
  void a_customer_sees_replies_but_never_internal_notes_and_cannot_write_one() {
    String customerId = customer("B");
    String ticketId = open(customerId, "\"category\":\"NETWORK\"");
    String customerToken = TestTokens.customer(customerId);

    act(ticketId, "comments", "{\"text\":\"Engineer booked for 14:00\"}", AGENT);
    act(
        ticketId,
        "comments",
        "{\"text\":\"Customer was rude\",\"visibility\":\"INTERNAL\"}",
        AGENT);

    JsonNode seenByCustomer = ticket(ticketId, customerToken);
    assertThat(seenByCustomer.path("timeline").toString())
        .contains("Engineer booked for 14:00")
        .doesNotContain("Customer was rude");
    assertThat(ticket(ticketId, AGENT).path("timeline").toString()).contains("Customer was rude");
    assertThat(seenByCustomer.path("sla").path("firstResponse").path("met").asBoolean()).isTrue();
    HttpResponse<String> refused =
        post(
            "/api/tickets/" + ticketId + "/comments",
            "{\"text\":\"note\",\"visibility\":\"INTERNAL\"}",
            customerToken);
    assertProblem(refused, 403);
    assertProblem(get("/api/tickets/" + ticketId, TestTokens.customer(unique("other"))), 404);
  }

  @Test
  void waiting_for_the_customer_pauses_the_clock_and_resuming_moves_the_deadline() {
    String ticketId = open(customer("B"), "\"category\":\"NETWORK\"");
    Instant dueBefore = Instant.parse(ticket(ticketId, AGENT).path("resolveBy").asString());

    JsonNode waiting;
    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      waiting = act(ticketId, "wait-for-customer", "{\"reason\":\"serial number\"}", AGENT);
      // The customer is told what the desk needs (notification-service).
      JsonNode announced =
          json.readTree(
              tickets
                  .await(
                      r ->
                          EventTypes.TICKET_WAITING_FOR_CUSTOMER.equals(
                                  TopicRecorder.header(r, "ce_type"))
                              && r.key().equals(ticketId),
                      ASYNC)
                  .value());
      assertThat(announced.path("needed").asString()).isEqualTo("serial number");
      assertThat(announced.path("round").asInt()).isEqualTo(1);
    }
    assertThat(waiting.path("status").asString()).isEqualTo("WAITING_CUSTOMER");
    assertThat(waiting.path("sla").path("paused").asBoolean()).isTrue();
    assertThat(waiting.path("sla").path("resolution").has("dueAt")).isFalse();

    JsonNode resumed = act(ticketId, "resume", "{}", AGENT);
    assertThat(resumed.path("status").asString()).isEqualTo("OPEN");
    Instant pausedAt = entryTime(resumed, "WAITING_FOR_CUSTOMER");
    Instant resumedAt = entryTime(resumed, "RESUMED");
    // The default calendar is round the clock: the deadline moves by exactly the paused time.
    assertThat(Instant.parse(resumed.path("resolveBy").asString()))
        .isEqualTo(dueBefore.plus(java.time.Duration.between(pausedAt, resumedAt)));
  }

  private static Instant entryTime(JsonNode ticket, String type) {
    for (JsonNode entry : ticket.path("timeline")) {
      if (type.equals(entry.path("type").asString())) {
        return Instant.parse(entry.path("at").asString());
      }
    }
    throw new AssertionError("no " + type + " entry in " + ticket);
  }

  @Test
  void an_illegal_move_answers_409_and_changes_nothing() {
    String ticketId = open(customer("B"), "\"category\":\"NETWORK\"");
    long version = mongo.findById(ticketId, org.bson.Document.class, "tickets").getLong("version");

    HttpResponse<String> refused = post("/api/tickets/" + ticketId + "/confirm", "{}", AGENT);

    assertProblem(refused, 409);
    assertThat(body(refused).path("detail").asString()).contains("OPEN", "CLOSED");
    assertThat(mongo.findById(ticketId, org.bson.Document.class, "tickets").getLong("version"))
        .isEqualTo(version);
  }

  @Test
  void reclassifying_recomputes_the_deadline_from_the_opening_time() {
    String ticketId = open(customer("C"), "\"category\":\"NETWORK\",\"priority\":\"LOW\"");
    JsonNode before = ticket(ticketId, AGENT);
    Instant openedAt = Instant.parse(before.path("openedAt").asString());

    JsonNode urgent =
        act(ticketId, "reclassify", "{\"priority\":\"URGENT\",\"reason\":\"hospital\"}", AGENT);

    assertThat(urgent.path("priority").asString()).isEqualTo("URGENT");
    assertThat(Instant.parse(urgent.path("resolveBy").asString()))
        .isEqualTo(openedAt.plus(java.time.Duration.ofHours(24)));
    assertProblem(
        post("/api/tickets/" + ticketId + "/reclassify", "{\"reason\":\"x\"}", AGENT), 400);
  }

  @Test
  void a_new_tier_recomputes_the_open_tickets_deadlines_from_their_opening() {
    String customerId = customer("C");
    String ticketId = open(customerId, "\"category\":\"NETWORK\",\"priority\":\"NORMAL\"");
    Instant openedAt = Instant.parse(ticket(ticketId, AGENT).path("openedAt").asString());

    publish(
        Topics.CUSTOMERS,
        customerId,
        EventTypes.CUSTOMER_UPDATED,
        """
        {"customerId":"%s","revision":5,"changedFields":["tier"],"name":"Customer","type":"ENTERPRISE",
         "tier":"A","keyAccount":false,"status":"ACTIVE","locale":"zh-CN","notificationConsent":true,
         "changedBy":"supervisor-1","changedAt":"%s"}"""
            .formatted(customerId, Instant.now()));

    // Tier A, NORMAL: 24 hours instead of tier C's 72, counted from the opening.
    Awaitility.await()
        .atMost(ASYNC)
        .untilAsserted(
            () ->
                assertThat(Instant.parse(ticket(ticketId, AGENT).path("resolveBy").asString()))
                    .isEqualTo(openedAt.plus(java.time.Duration.ofHours(24))));
    assertThat(ticket(ticketId, AGENT).path("customerTier").asString()).isEqualTo("A");
  }

  @Test
  void routing_moves_the_ticket_but_leaves_its_escalation_timer_as_it_was_scheduled() {
    String customerId = customer("B");
    String ticketId = open(customerId, "\"category\":\"NETWORK\"");
    org.bson.Document scheduled = escalationTimer(ticketId);
    assertThat(scheduled).isNotNull();
    assertThat(scheduled.getDate("dueAt").toInstant())
        .isAfter(Instant.now())
        .isBefore(Instant.parse(ticket(ticketId, AGENT).path("resolveBy").asString()));
    // In the ticket's own document, written with it: no deadline document of its own.
    String timer = "ticket.escalation|" + ticketId + "|resolution";
    assertThat(mongo.findById(timer, org.bson.Document.class, "deadlines")).isNull();

    routeWorkOrder(unique("wo"), ticketId, customerId, "field-service", Instant.now());

    Awaitility.await()
        .atMost(ASYNC)
        .until(() -> "ROUTED".equals(ticket(ticketId, AGENT).path("status").asString()));
    org.bson.Document after = escalationTimer(ticketId);
    assertThat(after.getString("token")).isEqualTo(scheduled.getString("token"));
    assertThat(after.getDate("dueAt")).isEqualTo(scheduled.getDate("dueAt"));
  }

  private org.bson.Document escalationTimer(String ticketId) {
    org.bson.Document stored = mongo.findById(ticketId, org.bson.Document.class, "tickets");
    return stored.getList("timers", org.bson.Document.class, java.util.List.of()).stream()
        .filter(timer -> "ticket.escalation".equals(timer.getString("kind")))
        .findFirst()
        .orElse(null);
  }

  @Test
  void the_customer_follows_each_department_and_the_predicted_finish_in_plain_words() {
    String customerId = customer("B");
    String ticketId = open(customerId, "\"category\":\"NETWORK\"");
    String workOrderId = unique("wo");
    String expected = "2026-12-03T15:00:00Z";
    publish(
        Topics.WORKORDERS,
        workOrderId,
        EventTypes.WORKORDER_ROUTED,
        """
        {"workOrderId":"%s","ticketId":"%s","customerId":"%s","category":"NETWORK",
         "department":"field-service","routingRule":"network-faults","routedAt":"%s",
         "stepId":"repair","stepName":"Repair on site","stepKind":"TASK",
         "departmentName":"our field engineers","expectedCompletion":"%s","round":1}"""
            .formatted(workOrderId, ticketId, customerId, Instant.now(), expected));
    publish(
        Topics.WORKORDERS,
        workOrderId,
        EventTypes.WORKORDER_STEP_STARTED,
        """
        {"workOrderId":"%s","ticketId":"%s","stepId":"repair","stepName":"Repair on site",
         "department":"field-service","startedBy":"fs-3","startedAt":"%s","readyAt":"%s",
         "dueAt":"%s","waitedSeconds":60,"expectedCompletion":"%s","round":1}"""
            .formatted(workOrderId, ticketId, Instant.now(), Instant.now(), expected, expected));

    Awaitility.await()
        .atMost(ASYNC)
        .until(() -> "IN_PROGRESS".equals(ticket(ticketId, AGENT).path("status").asString()));
    String timeline = ticket(ticketId, TestTokens.customer(customerId)).path("timeline").toString();
    assertThat(timeline)
        .contains("Your request was passed to our field engineers")
        .contains("Work started: Repair on site")
        .contains("We expect to complete your request by Thursday 3 December 2026, 15:00 UTC");
    // The same prediction again is not repeated.
    assertThat(timeline.split("We expect to complete", -1)).hasSize(2);
  }

  @Test
  void ownership_moves_only_by_an_explicit_transfer_with_a_reason() {
    String ticketId = open(customer("B"), "\"category\":\"NETWORK\"");

    assertProblem(
        post("/api/tickets/" + ticketId + "/transfer", "{\"to\":\"agent-9\"}", AGENT), 400);
    JsonNode moved =
        act(ticketId, "transfer", "{\"to\":\"agent-9\",\"reason\":\"shift ends\"}", AGENT);

    assertThat(moved.path("owner").asString()).isEqualTo("agent-9");
  }

  @Test
  void a_completed_work_order_resolves_the_ticket_and_the_customer_closes_it_by_confirming() {
    String customerId = customer("B");
    String ticketId = open(customerId, "\"category\":\"NETWORK\"");
    String workOrderId = unique("wo");
    routeWorkOrder(workOrderId, ticketId, customerId, "network-ops", Instant.now());
    Awaitility.await()
        .atMost(ASYNC)
        .until(() -> "ROUTED".equals(ticket(ticketId, AGENT).path("status").asString()));

    String completed =
        """
        {"workOrderId":"%s","ticketId":"%s","customerId":"%s","department":"network-ops",
         "resolution":"Replaced the line card","completedAt":"%s"}"""
            .formatted(workOrderId, ticketId, customerId, Instant.now());
    publish(Topics.WORKORDERS, workOrderId, EventTypes.WORKORDER_COMPLETED, completed);
    Awaitility.await()
        .atMost(ASYNC)
        .until(() -> "RESOLVED".equals(ticket(ticketId, AGENT).path("status").asString()));

    String customerToken = TestTokens.customer(customerId);
    JsonNode closed = act(ticketId, "confirm", "{}", customerToken);
    assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
    assertThat(closed.path("closeReason").asString()).isEqualTo("CONFIRMED");
    JsonNode rated =
        act(ticketId, "satisfaction", "{\"score\":5,\"comment\":\"fast\"}", customerToken);
    assertThat(rated.path("timeline").toString()).contains("Satisfaction 5/5");
    assertProblem(
        post("/api/tickets/" + ticketId + "/satisfaction", "{\"score\":4}", customerToken), 409);
    assertProblem(
        post("/api/tickets/" + ticketId + "/satisfaction", "{\"score\":9}", customerToken), 400);
  }

  @Test
  void
      work_done_before_the_call_back_resolves_the_ticket_once_and_the_completion_changes_nothing() {
    String customerId = customer("A");
    String ticketId = open(customerId, "\"category\":\"NETWORK\"");
    String workOrderId = unique("wo");
    routeWorkOrder(workOrderId, ticketId, customerId, "field-service", Instant.now());
    Awaitility.await()
        .atMost(ASYNC)
        .until(() -> "ROUTED".equals(ticket(ticketId, AGENT).path("status").asString()));

    publish(
        Topics.WORKORDERS,
        workOrderId,
        EventTypes.WORKORDER_RESOLVED,
        """
        {"workOrderId":"%s","ticketId":"%s","customerId":"%s","department":"network-ops",
         "resolution":"Line card replaced and the line verified","resolvedAt":"%s"}"""
            .formatted(workOrderId, ticketId, customerId, Instant.now()));
    Awaitility.await()
        .atMost(ASYNC)
        .until(() -> "RESOLVED".equals(ticket(ticketId, AGENT).path("status").asString()));
    String completion =
        publish(
            Topics.WORKORDERS,
            workOrderId,
            EventTypes.WORKORDER_COMPLETED,
            """
            {"workOrderId":"%s","ticketId":"%s","customerId":"%s","department":"service-center",
             "resolution":"Called back","completedAt":"%s"}"""
                .formatted(workOrderId, ticketId, customerId, Instant.now()));
    awaitProcessed("ticket-service.workorders", completion);

    JsonNode ticket = ticket(ticketId, AGENT);
    assertThat(ticket.path("status").asString()).isEqualTo("RESOLVED");
    assertThat(ticket.path("resolution").path("summary").asString())
        .isEqualTo("Line card replaced and the line verified");
    assertThat(ticket.path("timeline").findValuesAsString("type")).containsOnlyOnce("RESOLVED");
  }

  @Test
  void a_survey_answer_is_recorded_once_for_its_round_and_only_for_the_tickets_customer() {
    String customerId = customer("B");
    String ticketId =
        open(customerId, "\"category\":\"TARIFF\",\"resolution\":\"Explained the tariff\"");
    assertThat(ticket(ticketId, AGENT).path("status").asString()).isEqualTo("RESOLVED");
    String answer =
        """
        {"surveyId":"%s:%d","ticketId":"%s","customerId":"%s","round":%d,"score":%d,
         "comment":"%s","answeredAt":"%s"}""";

    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      // Another customer's answer, and one about a round the ticket never had, change nothing.
      publish(
          Topics.SURVEYS,
          ticketId,
          EventTypes.SURVEY_ANSWERED,
          answer.formatted(ticketId, 1, ticketId, "someone-else", 1, 1, "spoof", Instant.now()));
      publish(
          Topics.SURVEYS,
          ticketId,
          EventTypes.SURVEY_ANSWERED,
          answer.formatted(ticketId, 2, ticketId, customerId, 2, 1, "later", Instant.now()));
      ProducerRecord<String, String> theAnswer =
          CloudEventsProducer.event(
              Topics.SURVEYS,
              ticketId,
              EventTypes.SURVEY_ANSWERED,
              answer.formatted(ticketId, 1, ticketId, customerId, 1, 3, "ok", Instant.now()));
      // Delivered twice, as after a crash before the offset was committed.
      publishRecord(theAnswer);
      publishRecord(theAnswer);

      ConsumerRecord<String, String> recorded =
          tickets.await(
              r ->
                  EventTypes.SATISFACTION_RECORDED.equals(TopicRecorder.header(r, "ce_type"))
                      && r.key().equals(ticketId),
              ASYNC);
      JsonNode satisfaction = json.readTree(recorded.value());
      assertThat(satisfaction.path("score").asInt()).isEqualTo(3);
      assertThat(satisfaction.path("recordedBy").asString()).isEqualTo("survey");
      assertThat(
              tickets.all(
                  r ->
                      EventTypes.SATISFACTION_RECORDED.equals(TopicRecorder.header(r, "ce_type"))
                          && r.key().equals(ticketId)))
          .hasSize(1);
    }
    assertThat(ticket(ticketId, AGENT).path("timeline").toString())
        .contains("Satisfaction 3/5: ok")
        .doesNotContain("spoof")
        .doesNotContain("later");
    assertProblem(
        post(
            "/api/tickets/" + ticketId + "/satisfaction",
            "{\"score\":5}",
            TestTokens.customer(customerId)),
        409);
  }

  @Test
  void a_rejected_resolution_reopens_the_ticket_one_level_higher_and_announces_it() {
    String customerId = customer("B");
    String ticketId = open(customerId, "\"category\":\"BILLING\"");
    act(ticketId, "resolve", "{\"resolution\":\"Refunded the second charge\"}", AGENT);

    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      JsonNode reopened =
          act(
              ticketId,
              "reject",
              "{\"reason\":\"still charged\"}",
              TestTokens.customer(customerId));

      assertThat(reopened.path("status").asString()).isEqualTo("REOPENED");
      assertThat(reopened.path("round").asInt()).isEqualTo(2);
      var event =
          tickets.await(
              r ->
                  ticketId.equals(r.key())
                      && TopicRecorder.ofType(EventTypes.TICKET_REOPENED).test(r),
              ASYNC);
      assertSchemaValid(EventTypes.TICKET_REOPENED, event.value());
      assertThat(json.readTree(event.value()).path("escalationLevel").asInt()).isEqualTo(1);
      assertThat(ticket(ticketId, AGENT).path("escalationLevel").asInt()).isEqualTo(1);
    }
  }

  @Test
  void a_ticket_is_in_the_region_asked_for_else_the_customers_and_reopens_in_the_same() {
    String customerId = customer("B");
    projection.updated(customerId, 1, CustomerTier.B, "Customer " + customerId, false, "CN-BJ");

    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      String asked = open(customerId, "\"category\":\"BILLING\",\"region\":\"CN-SH\"");
      String customers = open(customerId, "\"category\":\"BILLING\"");
      act(asked, "resolve", "{\"resolution\":\"Refunded the second charge\"}", AGENT);
      act(asked, "reject", "{\"reason\":\"still charged\"}", TestTokens.customer(customerId));

      assertThat(regionOf(tickets, asked, EventTypes.TICKET_OPENED)).isEqualTo("CN-SH");
      assertThat(regionOf(tickets, customers, EventTypes.TICKET_OPENED)).isEqualTo("CN-BJ");
      assertThat(regionOf(tickets, asked, EventTypes.TICKET_REOPENED)).isEqualTo("CN-SH");
    }
    HttpResponse<String> refused =
        post(
            "/api/tickets",
            """
            {"customerId":"%s","channel":"HOTLINE","category":"BILLING","title":"Twice",
             "description":"Charged twice","region":"east of Shanghai"}"""
                .formatted(customerId),
            AGENT);
    assertProblem(refused, 400);
    assertThat(body(refused).path("errors").get(0).path("field").asString()).isEqualTo("region");
  }

  private String regionOf(TopicRecorder tickets, String ticketId, String type) {
    var event =
        tickets.await(r -> ticketId.equals(r.key()) && TopicRecorder.ofType(type).test(r), ASYNC);
    assertSchemaValid(type, event.value());
    return json.readTree(event.value()).path("region").asString();
  }

  @Test
  void a_merged_duplicate_closes_and_its_history_shows_on_the_survivor() {
    String customerId = customer("B");
    String survivor = open(customerId, "\"category\":\"NETWORK\"");
    String duplicate = open(customerId, "\"category\":\"NETWORK\"");
    act(duplicate, "comments", "{\"text\":\"Called again about the outage\"}", AGENT);

    JsonNode merged = act(duplicate, "merge", "{\"into\":\"" + survivor + "\"}", AGENT);

    assertThat(merged.path("status").asString()).isEqualTo("CLOSED");
    assertThat(merged.path("mergedInto").asString()).isEqualTo(survivor);
    JsonNode seen = ticket(survivor, TestTokens.customer(customerId));
    assertThat(seen.path("timeline").toString()).contains("Called again about the outage");
    String other = open(customer("B"), "\"category\":\"NETWORK\"");
    assertProblem(
        post("/api/tickets/" + other + "/merge", "{\"into\":\"" + survivor + "\"}", AGENT), 409);
  }

  @Test
  void lists_are_paged_and_filtered_and_a_customer_lists_only_their_own() {
    String customerId = customer("B");
    for (int i = 0; i < 3; i++) {
      open(customerId, "\"category\":\"NETWORK\"");
    }
    open(customerId, "\"category\":\"TARIFF\"");

    JsonNode page =
        body(get("/api/tickets?customerId=" + customerId + "&type=FAULT&size=2", AGENT));
    assertThat(page.path("items")).hasSize(2);
    assertThat(page.path("hasNext").asBoolean()).isTrue();
    JsonNode next =
        body(get("/api/tickets?customerId=" + customerId + "&type=FAULT&size=2&page=1", AGENT));
    assertThat(next.path("items")).hasSize(1);
    assertThat(next.path("hasNext").asBoolean()).isFalse();
    assertThat(
            body(get("/api/tickets?category=TARIFF&customerId=" + customerId, AGENT)).path("items"))
        .hasSize(1);
    assertThat(body(get("/api/tickets", TestTokens.customer(customerId))).path("items"))
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.path("customerId").asString()).isEqualTo(customerId));
    assertProblem(get("/api/tickets?deadline=SOON", AGENT), 400);
  }

  @Test
  void the_catalogue_and_the_sla_policy_are_data_an_admin_edits() {
    HttpResponse<String> categories = get("/api/tickets/categories", AGENT);
    assertThat(body(categories).toString()).contains("SERVICE_QUALITY", "服务质量");

    HttpResponse<String> added =
        put(
            "/api/tickets/categories/ROAMING",
            """
            {"nameZh":"国际漫游","nameEn":"Roaming","defaultType":"CONSULTATION",
             "defaultPriority":"NORMAL"}""",
            TestTokens.admin());
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertProblem(
        put("/api/tickets/categories/ROAMING", "{\"nameZh\":\"x\"}", TestTokens.admin()), 400);
    assertProblem(
        put(
            "/api/tickets/categories/X_Y",
            """
            {"nameZh":"其他","nameEn":"Other","defaultType":"CONSULTATION","defaultPriority":"LOW"}""",
            AGENT),
        403);
    open(customer("C"), "\"category\":\"ROAMING\"");

    JsonNode policy = body(get("/api/tickets/sla-policy", AGENT));
    assertThat(policy.path("escalationPercents").toString()).isEqualTo("[75,100,150]");
    HttpResponse<String> invalid =
        put(
            "/api/tickets/sla-policy",
            """
            {"calendar":{"zone":"Mars/Olympus","hours":{"MONDAY":["09:00-18:00"]}},
             "targets":[{"firstResponseMinutes":60,"resolutionMinutes":600}],
             "escalationPercents":[75],"earlyEscalationPercents":[50]}""",
            TestTokens.admin());
    assertProblem(invalid, 400);
    assertThat(invalid.body()).contains("Mars/Olympus");
  }
}
