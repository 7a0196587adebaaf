package io.crossdesk.customer.history;

import static io.crossdesk.customer.profile.CustomerApi.json;
import static io.crossdesk.customer.profile.CustomerApi.validCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.analytics.CustomerAtRisk;
import io.crossdesk.customer.overview.persistence.CustomerActivities;
import io.crossdesk.customer.profile.CustomerApi;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What customer-service learns from other services' events: contacts, activity, departments. */
@CrossdeskIntegrationTest
class CustomerEventsIntegrationTest {

  private static final Duration ASYNC = Duration.ofSeconds(30);
  private static final CloudEventsProducer EVENTS = CloudEventsProducer.forTestBroker();

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;
  @Autowired CustomerActivities activities;
  @Autowired JsonMapper jsonMapper;
  private CustomerApi api;

  @AfterAll
  static void close() {
    EVENTS.close();
  }

  @BeforeEach
  void connect() {
    api = new CustomerApi(port);
  }

  @Test
  void an_opened_ticket_is_a_contact_recorded_once_however_often_it_is_delivered() {
    String customer = register("+86 139 0000 0001", "c1@example.cn");
    String ticket = "T-" + UUID.randomUUID();
    ProducerRecord<String, String> opened =
        CloudEventsProducer.event(
            Topics.TICKETS,
            ticket,
            EventTypes.TICKET_OPENED,
            opened(ticket, customer, "COMPLAINT", "WEB", Instant.now()));

    EVENTS.send(opened);
    EVENTS.send(opened);
    String marker = "T-" + UUID.randomUUID();
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.TICKETS,
            ticket,
            EventTypes.TICKET_OPENED,
            opened(marker, customer, "FAULT", "HOTLINE", Instant.now().plusSeconds(1))));

    await().atMost(ASYNC).until(() -> contacts(customer, "").size() == 2);
    List<JsonNode> contacts = contacts(customer, "");
    assertThat(contacts.get(0).get("ticketId").asString()).isEqualTo(marker);
    assertThat(contacts.get(1).get("channel").asString()).isEqualTo("WEB");
    assertThat(contacts.get(1).get("kind").asString()).isEqualTo("TICKET_OPENED");
    assertThat(contacts(customer, "?channel=HOTLINE")).hasSize(1);
    assertThat(contacts(customer, "?kind=SURVEY_ANSWERED")).isEmpty();
  }

  @Test
  void a_notification_sent_to_the_customer_is_a_contact_once_and_one_to_a_system_is_none() {
    String customer = register("+86 139 0000 0077", "c77@example.cn");
    String ticket = "T-" + UUID.randomUUID();
    ProducerRecord<String, String> mailed =
        CloudEventsProducer.event(
            Topics.NOTIFICATIONS,
            "n-1",
            EventTypes.NOTIFICATION_SENT,
            notificationSent(customer, ticket, "CUSTOMER", "EMAIL", "您的工单已受理"));
    ProducerRecord<String, String> toSubscriber =
        CloudEventsProducer.event(
            Topics.NOTIFICATIONS,
            "n-2",
            EventTypes.NOTIFICATION_SENT,
            notificationSent(customer, ticket, "SYSTEM", "WEBHOOK", "TicketOpened"));

    EVENTS.send(mailed);
    EVENTS.send(toSubscriber);
    EVENTS.send(mailed);
    // Behind both on the same partition: once it is recorded, they were handled.
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.NOTIFICATIONS,
            "n-1",
            EventTypes.NOTIFICATION_SENT,
            notificationSent(customer, ticket, "CUSTOMER", "IN_APP", "marker")));

    await()
        .atMost(ASYNC)
        .until(
            () ->
                contacts(customer, "").stream()
                    .anyMatch(c -> "marker".equals(c.get("summary").asString())));
    List<JsonNode> contacts = contacts(customer, "?kind=NOTIFICATION_SENT");
    assertThat(contacts).hasSize(2);
    assertThat(contacts.get(1).get("channel").asString()).isEqualTo("EMAIL");
    assertThat(contacts.get(1).get("summary").asString()).isEqualTo("您的工单已受理");
    assertThat(contacts.get(1).get("ticketId").asString()).isEqualTo(ticket);
    assertThat(contacts.get(0).get("channel").asString()).isEqualTo("APP");
  }

  @Test
  void the_overview_counts_open_tickets_complaints_and_satisfaction_exactly_under_redelivery() {
    String customer = register("+86 139 0000 0002", "c2@example.cn");
    String complaint = "T-" + UUID.randomUUID();
    String fault = "T-" + UUID.randomUUID();
    String surveyedFirst = "T-" + UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ProducerRecord<String, String> survey =
        CloudEventsProducer.event(
            Topics.TICKETS,
            complaint,
            EventTypes.SATISFACTION_RECORDED,
            satisfaction(complaint, customer, 2, now.plusSeconds(3)));
    ProducerRecord<String, String> complaintOpened =
        CloudEventsProducer.event(
            Topics.TICKETS,
            complaint,
            EventTypes.TICKET_OPENED,
            opened(complaint, customer, "COMPLAINT", "HOTLINE", now));
    // The opening delivered twice, back to back: one batch's run may hold both.
    EVENTS.send(complaintOpened);
    EVENTS.send(complaintOpened);
    // A second complaint the same day: counted with the first, in the same run or the next.
    String secondComplaint = "T-" + UUID.randomUUID();
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.TICKETS,
            secondComplaint,
            EventTypes.TICKET_OPENED,
            opened(secondComplaint, customer, "COMPLAINT", "WEB", now.plusMillis(2))));
    // A ticket whose survey overtook its opening: the opening gives it its state.
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.TICKETS,
            surveyedFirst,
            EventTypes.SATISFACTION_RECORDED,
            satisfaction(surveyedFirst, customer, 5, now.plusSeconds(5))));
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.TICKETS,
            surveyedFirst,
            EventTypes.TICKET_OPENED,
            opened(surveyedFirst, customer, "FAULT", "WEB", now.plusMillis(1))));
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.TICKETS,
            complaint,
            EventTypes.TICKET_CLOSED,
            closed(complaint, customer, now.plusSeconds(2))));
    EVENTS.send(survey);
    EVENTS.send(survey);
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.TICKETS,
            fault,
            EventTypes.TICKET_OPENED,
            opened(fault, customer, "FAULT", "APP", now)));
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.TICKETS,
            fault,
            EventTypes.SATISFACTION_RECORDED,
            satisfaction(fault, customer, 5, now.plusSeconds(4))));

    await()
        .atMost(ASYNC)
        .until(
            () ->
                overview(customer).get("averageSatisfaction").isNumber()
                    && overview(customer).get("averageSatisfaction").asDouble() == 4.0
                    && overview(customer).get("recentContacts").size() == 8);
    JsonNode overview = overview(customer);
    assertThat(overview.get("profile").get("id").asString()).isEqualTo(customer);
    assertThat(overview.get("openTickets").values().stream().map(t -> t.get("ticketId").asString()))
        .containsExactly(secondComplaint, surveyedFirst, fault);
    assertThat(overview.get("complaintsLast90Days").asLong()).isEqualTo(2);
    assertThat(overview.get("riskFlags").isEmpty()).isTrue();

    // Analytics raises the customer at risk; an older raise arriving late changes nothing.
    EVENTS.send(atRisk(customer, now, "REPEATED_COMPLAINTS", "LOW_SATISFACTION"));
    await().atMost(ASYNC).until(() -> overview(customer).get("riskFlags").size() == 2);
    activities.flagged(customer, List.of("LOW_SATISFACTION"), now.minusSeconds(3600));
    assertThat(overview(customer).get("riskFlags").values().stream().map(JsonNode::asString))
        .containsExactly("REPEATED_COMPLAINTS", "LOW_SATISFACTION");
    assertThat(
            api.get("/api/customers/" + customer + "/overview", TestTokens.customer(customer))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void a_department_sees_a_customer_only_while_it_holds_a_step_masked_unless_it_must_call() {
    String customer = register("+86 138 1234 5678", "zhang@example.com");
    String billingOrder = "W-" + UUID.randomUUID();
    String fieldOrder = "W-" + UUID.randomUUID();
    String path = "/api/customers/" + customer;
    assertThat(api.get(path, TestTokens.department("billing")).statusCode()).isEqualTo(404);

    EVENTS.send(
        CloudEventsProducer.event(
            Topics.WORKORDERS,
            billingOrder,
            EventTypes.WORKORDER_ROUTED,
            routed(billingOrder, customer, "billing", null)));
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.WORKORDERS,
            fieldOrder,
            EventTypes.WORKORDER_ROUTED,
            routed(fieldOrder, customer, "field-service", null)));

    await()
        .atMost(ASYNC)
        .until(() -> api.get(path, TestTokens.department("billing")).statusCode() == 200);
    JsonNode masked = json(api.get(path, TestTokens.department("billing")));
    assertThat(masked.get("phone").asString()).isEqualTo("+86 138****5678");
    assertThat(masked.get("email").asString()).isEqualTo("z***@example.com");
    assertThat(masked.get("contactMasked").asBoolean()).isTrue();
    await()
        .atMost(ASYNC)
        .until(() -> api.get(path, TestTokens.department("field-service")).statusCode() == 200);
    assertThat(json(api.get(path, TestTokens.department("field-service"))).get("phone").asString())
        .isEqualTo("+8613812345678");
    assertThat(api.get(path + "/contacts", TestTokens.department("billing")).statusCode())
        .isEqualTo(200);
    assertThat(api.get(path + "/contacts", TestTokens.department("network-ops")).statusCode())
        .isEqualTo(404);

    EVENTS.send(
        CloudEventsProducer.event(
            Topics.WORKORDERS,
            billingOrder,
            EventTypes.WORKORDER_COMPLETED,
            completed(billingOrder, customer, "billing")));
    await()
        .atMost(ASYNC)
        .until(() -> api.get(path, TestTokens.department("billing")).statusCode() == 404);
    // a routing delivered again after the completion does not give the step back
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.WORKORDERS,
            billingOrder,
            EventTypes.WORKORDER_ROUTED,
            routed(billingOrder, customer, "billing", null)));
    String probe = "W-" + UUID.randomUUID();
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.WORKORDERS,
            billingOrder,
            EventTypes.WORKORDER_ROUTED,
            routed(probe, customer, "service-center", false)));
    await()
        .atMost(ASYNC)
        .until(() -> api.get(path, TestTokens.department("service-center")).statusCode() == 200);
    assertThat(
            json(api.get(path, TestTokens.department("service-center")))
                .get("contactMasked")
                .asBoolean())
        .isTrue();
    assertThat(api.get(path, TestTokens.department("billing")).statusCode()).isEqualTo(404);
  }

  @Test
  void a_routing_delivered_twice_holds_the_step_once_so_the_completion_ends_it() {
    String customer = register("+86 139 0000 0009", "c9@example.cn");
    String order = "W-" + UUID.randomUUID();
    String path = "/api/customers/" + customer;
    ProducerRecord<String, String> routing =
        CloudEventsProducer.event(
            Topics.WORKORDERS,
            order,
            EventTypes.WORKORDER_ROUTED,
            routed(order, customer, "billing", null));

    EVENTS.send(routing);
    EVENTS.send(routing);
    await()
        .atMost(ASYNC)
        .until(() -> api.get(path, TestTokens.department("billing")).statusCode() == 200);
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.WORKORDERS,
            order,
            EventTypes.WORKORDER_COMPLETED,
            completed(order, customer, "billing")));

    await()
        .atMost(ASYNC)
        .until(() -> api.get(path, TestTokens.department("billing")).statusCode() == 404);
  }

  @Test
  void a_work_order_closed_unfinished_ends_the_departments_access_too() {
    String customer = register("+86 139 0000 0010", "c10@example.cn");
    String order = "W-" + UUID.randomUUID();
    String path = "/api/customers/" + customer;
    EVENTS.send(
        CloudEventsProducer.event(
            Topics.WORKORDERS,
            order,
            EventTypes.WORKORDER_ROUTED,
            routed(order, customer, "network-ops", null)));
    await()
        .atMost(ASYNC)
        .until(() -> api.get(path, TestTokens.department("network-ops")).statusCode() == 200);

    EVENTS.send(
        CloudEventsProducer.event(
            Topics.WORKORDERS, order, EventTypes.WORKORDER_CLOSED, closed(order, customer)));

    await()
        .atMost(ASYNC)
        .until(() -> api.get(path, TestTokens.department("network-ops")).statusCode() == 404);
  }

  @Test
  void an_agent_records_a_call_by_hand_and_bad_input_stores_nothing() {
    String customer = register("+86 139 0000 0003", "c3@example.cn");
    String path = "/api/customers/" + customer + "/contacts";

    HttpResponse<String> recorded =
        api.send(
            "POST",
            path,
            TestTokens.agent(),
            "{\"channel\":\"HOTLINE\",\"kind\":\"INBOUND_CALL\",\"summary\":\"Asked about the new tariff\"}");
    HttpResponse<String> invalid =
        api.send(
            "POST",
            path,
            TestTokens.agent(),
            "{\"channel\":\"FAX\",\"kind\":\"TICKET_OPENED\",\"summary\":\"\",\"at\":\"2999-01-01T00:00:00Z\"}");

    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    assertThat(json(recorded).get("recordedBy").asString()).isEqualTo("agent-7");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).get("errors").values().stream().map(e -> e.get("field").asString()))
        .contains("channel", "kind", "summary", "at");
    assertThat(
            api.send(
                    "POST",
                    path,
                    TestTokens.department("billing"),
                    "{\"channel\":\"HOTLINE\",\"kind\":\"INBOUND_CALL\",\"summary\":\"x\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            api.send(
                    "POST",
                    "/api/customers/nobody/contacts",
                    TestTokens.agent(),
                    "{\"channel\":\"HOTLINE\",\"kind\":\"INBOUND_CALL\",\"summary\":\"x\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(contacts(customer, "")).hasSize(1);
  }

  @Test
  void pages_contacts_newest_first_with_a_link_to_the_next_page() {
    String customer = register("+86 139 0000 0004", "c4@example.cn");
    String path = "/api/customers/" + customer + "/contacts";
    Instant start = Instant.parse("2026-01-01T08:00:00Z");
    for (int i = 0; i < 3; i++) {
      api.send(
          "POST",
          path,
          TestTokens.agent(),
          "{\"channel\":\"BRANCH\",\"kind\":\"BRANCH_VISIT\",\"summary\":\"visit "
              + i
              + "\",\"at\":\""
              + start.plusSeconds(i)
              + "\"}");
    }

    HttpResponse<String> first = api.get(path + "?limit=2", TestTokens.agent());
    String next = first.headers().firstValue("Link").orElseThrow();
    HttpResponse<String> second = api.get(next.substring(1, next.indexOf('>')), TestTokens.agent());

    assertThat(json(first).values().stream().map(c -> c.get("summary").asString()))
        .containsExactly("visit 2", "visit 1");
    assertThat(json(second).values().stream().map(c -> c.get("summary").asString()))
        .containsExactly("visit 0");
    assertThat(second.headers().firstValue("Link")).isEmpty();
    assertThat(api.get(path + "?limit=0", TestTokens.agent()).statusCode()).isEqualTo(400);
  }

  private String register(String phone, String email) {
    HttpResponse<String> created =
        api.register(TestTokens.agent(), validCustomer("Customer " + phone, phone, email));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asString();
  }

  private List<JsonNode> contacts(String customer, String query) {
    HttpResponse<String> page =
        api.get("/api/customers/" + customer + "/contacts" + query, TestTokens.agent());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return json(page).values().stream().toList();
  }

  private JsonNode overview(String customer) {
    return json(api.get("/api/customers/" + customer + "/overview", TestTokens.agent()));
  }

  private static String opened(
      String ticket, String customer, String type, String channel, Instant at) {
    return CustomerApi.JSON.writeValueAsString(
        Map.ofEntries(
            Map.entry("ticketId", ticket),
            Map.entry("customerId", customer),
            Map.entry("customerTier", "B"),
            Map.entry("channel", channel),
            Map.entry("category", "NETWORK"),
            Map.entry("priority", "HIGH"),
            Map.entry("title", "Line down"),
            Map.entry("openedBy", "agent-7"),
            Map.entry("openedAt", at.toString()),
            Map.entry("resolveBy", at.plusSeconds(3600).toString()),
            Map.entry("ticketType", type)));
  }

  private static String notificationSent(
      String customer, String ticket, String recipientType, String channel, String summary) {
    return CustomerApi.JSON.writeValueAsString(
        Map.ofEntries(
            Map.entry("notificationId", "n-" + UUID.randomUUID()),
            Map.entry("causeEventId", UUID.randomUUID().toString()),
            Map.entry("kind", "TICKET_RECEIVED"),
            Map.entry("channel", channel),
            Map.entry("recipientType", recipientType),
            Map.entry("recipient", "CUSTOMER".equals(recipientType) ? customer : "webhook-1"),
            Map.entry("customerId", customer),
            Map.entry("ticketId", ticket),
            Map.entry("locale", "zh-CN"),
            Map.entry("summary", summary),
            Map.entry("attempts", 1),
            Map.entry("sentAt", Instant.now().toString())));
  }

  private static String closed(String ticket, String customer, Instant at) {
    return CustomerApi.JSON.writeValueAsString(
        Map.of(
            "ticketId",
            ticket,
            "ticketNumber",
            "CD-1",
            "customerId",
            customer,
            "ticketType",
            "COMPLAINT",
            "category",
            "NETWORK",
            "reason",
            "CONFIRMED",
            "closedBy",
            "customer-1",
            "closedAt",
            at.toString()));
  }

  private ProducerRecord<String, String> atRisk(String customer, Instant at, String... reasons) {
    CustomerAtRisk raised =
        new CustomerAtRisk(
            customer,
            "B",
            java.util.Arrays.stream(reasons)
                .map(code -> new CustomerAtRisk.Reason(code, "A sign of churn", at))
                .toList(),
            reasons[0],
            "T-1",
            at);
    return CloudEventsProducer.event(
        Topics.ANALYTICS,
        customer,
        EventTypes.CUSTOMER_AT_RISK,
        jsonMapper.writeValueAsString(raised));
  }

  private static String satisfaction(String ticket, String customer, int score, Instant at) {
    return CustomerApi.JSON.writeValueAsString(
        Map.ofEntries(
            Map.entry("ticketId", ticket),
            Map.entry("ticketNumber", "CD-1"),
            Map.entry("customerId", customer),
            Map.entry("ticketType", "COMPLAINT"),
            Map.entry("category", "NETWORK"),
            Map.entry("score", score),
            Map.entry("round", 1),
            Map.entry("recordedBy", "agent-7"),
            Map.entry("recordedAt", at.toString())));
  }

  private static String routed(
      String order, String customer, String department, Boolean needsContact) {
    Map<String, Object> data =
        new java.util.HashMap<>(
            Map.of(
                "workOrderId",
                order,
                "ticketId",
                "T-1",
                "customerId",
                customer,
                "category",
                "NETWORK",
                "department",
                department,
                "routingRule",
                "rule-1",
                "routedAt",
                Instant.now().toString()));
    if (needsContact != null) {
      data.put("needsCustomerContact", needsContact);
    }
    return CustomerApi.JSON.writeValueAsString(data);
  }

  private static String completed(String order, String customer, String department) {
    return CustomerApi.JSON.writeValueAsString(
        Map.of(
            "workOrderId",
            order,
            "ticketId",
            "T-1",
            "customerId",
            customer,
            "department",
            department,
            "resolution",
            "done",
            "completedAt",
            Instant.now().toString()));
  }

  private static String closed(String order, String customer) {
    return CustomerApi.JSON.writeValueAsString(
        Map.of(
            "workOrderId",
            order,
            "ticketId",
            "T-1",
            "customerId",
            customer,
            "status",
            "CANCELLED",
            "reason",
            "ticket CANCELLED",
            "closedAt",
            Instant.now().toString(),
            "round",
            1));
  }
}
