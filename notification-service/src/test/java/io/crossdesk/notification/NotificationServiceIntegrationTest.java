package io.crossdesk.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.analytics.AnomalyDetected;
import io.crossdesk.contracts.analytics.CustomerAtRisk;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.customer.CustomerUpdated;
import io.crossdesk.contracts.ticket.TicketEscalated;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.contracts.ticket.TicketWaitingForCustomer;
import io.crossdesk.contracts.workorder.WorkOrderEscalated;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.contracts.workorder.WorkOrderStepAssigned;
import io.crossdesk.notification.log.domain.SurveyToken;
import io.crossdesk.platform.events.EventSchemas;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.MessageSinks;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@CrossdeskIntegrationTest
class NotificationServiceIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Instant OPENED_AT = Instant.parse("2025-03-04T09:14:00Z");
  private static final Instant RESOLVE_BY = Instant.parse("2025-03-05T13:14:00Z");
  private static final Random RANDOM = new Random();

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired MongoTemplate mongo;

  private final HttpClient http = HttpClient.newHttpClient();
  private CloudEventsProducer producer;

  @BeforeEach
  void connect() {
    producer = CloudEventsProducer.forTestBroker();
  }

  @AfterEach
  void disconnect() {
    producer.close();
  }

  @Test
  void sends_the_acknowledgement_once_by_email_in_the_customers_locale_read_back_over_imap()
      throws Exception {
    String customerId = uniqueId("C");
    String address = customerId.toLowerCase(Locale.ROOT) + "@example.org";
    String ticketId = uniqueId("T");
    registerCustomer(customerId, address, "+441234567", "zh-CN");
    awaitContact(customerId);
    ProducerRecord<String, String> opened =
        ticketOpened(ticket(ticketId, customerId, "No internet since Monday", "NORMAL"));

    try (TopicRecorder sent = TopicRecorder.of(Topics.NOTIFICATIONS)) {
      producer.send(opened);
      // As after a crash before the offset was committed, or a second publish of the same event.
      producer.send(opened);
      awaitConsumedBehind(ticketId);

      ConsumerRecord<String, String> announced =
          sent.await(
              r ->
                  EventTypes.NOTIFICATION_SENT.equals(TopicRecorder.header(r, "ce_type"))
                      && r.value().contains(ticketId),
              PATIENCE);
      JsonNode event = json.readTree(announced.value());
      assertThat(event.path("kind").asString()).isEqualTo("TICKET_RECEIVED");
      assertThat(event.path("channel").asString()).isEqualTo("EMAIL");
      assertThat(event.path("recipient").asString()).isEqualTo(customerId);
      assertThat(event.path("causeEventId").asString())
          .isEqualTo(CloudEventsProducer.eventId(opened));
    }

    List<Message> inbox = readOverImap(address, 1);
    assertThat(inbox).hasSize(1);
    assertThat(inbox.get(0).getSubject()).contains("No internet since Monday");
    assertThat((String) inbox.get(0).getContent())
        .contains(ticketId)
        .contains("2025年3月5日 13:14（UTC）");

    List<JsonNode> notifications =
        awaitNotifications(
            "?ticketId=" + ticketId,
            TestTokens.agent(),
            found -> found.size() == 2 && found.stream().allMatch(n -> sent(n)));
    JsonNode email = only(notifications, "EMAIL");
    assertThat(email.path("recipient").asString()).isEqualTo(address);
    assertThat(email.path("locale").asString()).isEqualTo("zh-CN");
    assertThat(email.path("template").asString()).isEqualTo("ticket-received");
    assertThat(email.path("tries").asInt()).isEqualTo(1);
    assertThat(only(notifications, "IN_APP").path("recipient").asString())
        .isEqualTo("customer:" + customerId);

    JsonNode feed = getJson("/feed", TestTokens.customer(customerId));
    assertThat(feed.path("unread").asInt()).isEqualTo(1);
    assertThat(feed.path("entries").path(0).path("ticketId").asString()).isEqualTo(ticketId);
  }

  @Test
  void keeps_the_direct_copy_unaddressed_until_the_customer_is_known_then_sends_it_by_sms()
      throws Exception {
    String customerId = uniqueId("C");
    String ticketId = uniqueId("T");
    String phone = "+4930" + (100000 + RANDOM.nextInt(899999));
    publishTicketOpened(ticket(ticketId, customerId, "Slow line", "NORMAL"));

    JsonNode waiting =
        awaitNotifications(
                "?ticketId=" + ticketId,
                TestTokens.agent(),
                found -> found.stream().anyMatch(n -> !"IN_APP".equals(text(n, "channel"))))
            .stream()
            .filter(n -> !"IN_APP".equals(text(n, "channel")))
            .findFirst()
            .orElseThrow();
    assertThat(waiting.path("recipient").isNull()).isTrue();
    assertThat(waiting.path("status").asString()).isEqualTo("QUEUED");

    registerCustomer(customerId, null, phone, null);

    JsonNode addressed =
        only(
            awaitNotifications(
                "?ticketId=" + ticketId,
                TestTokens.agent(),
                found ->
                    found.stream()
                        .filter(n -> phone.equals(text(n, "recipient")))
                        .anyMatch(n -> sent(n))),
            "SMS");
    assertThat(addressed.path("id").asString()).isEqualTo(waiting.path("id").asString());
    await()
        .atMost(PATIENCE)
        .until(() -> MessageSinks.sms().stream().anyMatch(sms -> sms.contains(phone)));
    String sms = MessageSinks.sms().stream().filter(m -> m.contains(phone)).findFirst().get();
    assertThat(json.readTree(sms).path("text").asString()).contains(ticketId);
    assertThat(json.readTree(sms).path("reference").asString())
        .isEqualTo(addressed.path("id").asString());
  }

  @Test
  void tries_a_refused_sms_again_later_and_fails_it_for_good_after_the_last_try() throws Exception {
    String customerId = uniqueId("C");
    String phone = "+4940" + (100000 + RANDOM.nextInt(899999));
    registerCustomer(customerId, null, phone, null);
    awaitContact(customerId);

    // Both quick attempts of the first try are refused; the scheduled second try gets through.
    MessageSinks.refuseSms(2);
    String recovered = uniqueId("T");
    publishTicketOpened(ticket(recovered, customerId, "Line drops", "NORMAL"));
    JsonNode delivered =
        only(
            awaitNotifications(
                "?ticketId=" + recovered,
                TestTokens.agent(),
                found ->
                    found.stream()
                        .filter(n -> "SMS".equals(text(n, "channel")))
                        .anyMatch(n -> sent(n))),
            "SMS");
    assertThat(delivered.path("tries").asInt()).isEqualTo(2);

    // Every try of three is refused twice.
    MessageSinks.refuseSms(6);
    String lost = uniqueId("T");
    try (TopicRecorder outcomes = TopicRecorder.of(Topics.NOTIFICATIONS)) {
      publishTicketOpened(ticket(lost, customerId, "No dial tone", "NORMAL"));
      ConsumerRecord<String, String> failed =
          outcomes.await(
              r ->
                  EventTypes.NOTIFICATION_FAILED.equals(TopicRecorder.header(r, "ce_type"))
                      && r.value().contains(lost),
              PATIENCE);
      assertThat(json.readTree(failed.value()).path("attempts").asInt()).isEqualTo(3);
      assertThat(json.readTree(failed.value()).path("reason").asString()).contains("503");
    }
    JsonNode given = only(getNotifications("?ticketId=" + lost, TestTokens.agent()), "SMS");
    assertThat(given.path("status").asString()).isEqualTo("FAILED");
    assertThat(MessageSinks.sms()).noneMatch(sms -> sms.contains(lost));
  }

  @Test
  void quiet_hours_defer_a_routine_message_and_not_an_urgent_one() throws Exception {
    String customerId = uniqueId("C");
    String address = customerId.toLowerCase(Locale.ROOT) + "@example.org";
    registerCustomer(customerId, address, null, "en-US");
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    publishProfile(customerId, now.minusHours(1), now.plusHours(1));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                mongo
                        .getCollection("contacts")
                        .find(new Document("_id", customerId).append("quietZone", "UTC"))
                        .first()
                    != null);

    String routine = uniqueId("T");
    String urgent = uniqueId("T");
    publishTicketOpened(ticket(routine, customerId, "Question about my plan", "NORMAL"));
    publishTicketOpened(ticket(urgent, customerId, "Line down", "URGENT"));

    JsonNode sentAtOnce =
        only(
            awaitNotifications(
                "?ticketId=" + urgent,
                TestTokens.agent(),
                found ->
                    found.stream()
                        .filter(n -> "EMAIL".equals(text(n, "channel")))
                        .anyMatch(n -> sent(n))),
            "EMAIL");
    assertThat(sentAtOnce.path("notBefore").isNull()).isTrue();
    JsonNode deferred =
        only(
            awaitNotifications(
                "?ticketId=" + routine, TestTokens.agent(), found -> found.size() == 2),
            "EMAIL");
    assertThat(deferred.path("status").asString()).isEqualTo("QUEUED");
    assertThat(Instant.parse(deferred.path("notBefore").asString()))
        .isAfter(Instant.now().plus(Duration.ofMinutes(55)));
    assertThat(readOverImap(address, 1))
        .singleElement()
        .satisfies(mail -> assertThat(mail.getSubject()).contains("Line down"));
  }

  @Test
  void a_routine_message_written_before_its_customer_was_known_waits_for_their_quiet_hours_to_end()
      throws Exception {
    String customerId = uniqueId("C");
    String address = customerId.toLowerCase(Locale.ROOT) + "@example.org";
    String ticketId = uniqueId("T");
    // The ticket's event overtakes the customer's registration: its message has nobody to go to.
    publishTicketOpened(ticket(ticketId, customerId, "Question about my bill", "NORMAL"));
    awaitNotifications(
        "?ticketId=" + ticketId,
        TestTokens.agent(),
        found -> found.stream().anyMatch(n -> n.path("recipient").isNull()));

    // Then the registration arrives, in the middle of the customer's quiet hours.
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.CUSTOMERS,
                customerId,
                EventTypes.CUSTOMER_REGISTERED,
                json.writeValueAsString(
                    new CustomerRegistered(
                        customerId,
                        "Ada Lovelace",
                        "INDIVIDUAL",
                        "B",
                        null,
                        address,
                        OPENED_AT,
                        false,
                        "en-US",
                        "EMAIL",
                        true,
                        hhmm.format(now.minusHours(1)),
                        hhmm.format(now.plusHours(1)),
                        "UTC")))));

    // Addressed, and held until the quiet hours end rather than sent at once.
    JsonNode addressed =
        only(
            awaitNotifications(
                "?ticketId=" + ticketId,
                TestTokens.agent(),
                found ->
                    found.stream()
                        .anyMatch(
                            n ->
                                "EMAIL".equals(text(n, "channel"))
                                    && address.equals(text(n, "recipient")))),
            "EMAIL");
    assertThat(addressed.path("status").asString()).isEqualTo("QUEUED");
    assertThat(addressed.path("tries").asInt()).isZero();
    assertThat(addressed.path("notBefore").isNull()).as("held back by the quiet hours").isFalse();
    assertThat(Instant.parse(addressed.path("notBefore").asString()))
        .isAfter(Instant.now().plus(Duration.ofMinutes(55)));
  }

  @Test
  void tells_the_department_a_step_is_ready_and_the_escalation_contact_a_step_is_late()
      throws Exception {
    String customerId = uniqueId("C");
    String ticketId = uniqueId("T");
    String contact = uniqueId("lead").toLowerCase(Locale.ROOT) + "@example.org";
    String department = "billing-" + RANDOM.nextInt(1_000_000);
    registerCustomer(
        customerId, customerId.toLowerCase(Locale.ROOT) + "@example.org", null, "zh-CN");
    publishTicketOpened(ticket(ticketId, customerId, "Charged twice", "NORMAL"));
    awaitNotifications("?ticketId=" + ticketId, TestTokens.agent(), found -> found.size() == 2);

    Instant due = Instant.now().minus(Duration.ofMinutes(90));
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.WORKORDERS,
                ticketId,
                EventTypes.WORKORDER_ROUTED,
                json.writeValueAsString(
                    new WorkOrderRouted(
                        "WO-" + ticketId,
                        ticketId,
                        customerId,
                        "BILLING",
                        department,
                        "by-category",
                        Instant.now(),
                        OPENED_AT,
                        "S-1",
                        "Refund",
                        "TASK",
                        "our billing team",
                        due,
                        due.plus(Duration.ofHours(4)),
                        1,
                        false,
                        Map.of("zh-CN", "计费与业务支撑部", "en-US", "our billing team"),
                        null,
                        null,
                        null,
                        null)))));
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.WORKORDERS,
                ticketId,
                EventTypes.WORKORDER_ESCALATED,
                json.writeValueAsString(
                    new WorkOrderEscalated(
                        "WO-" + ticketId,
                        ticketId,
                        customerId,
                        "A",
                        "S-1",
                        "Refund",
                        department,
                        1,
                        "TEAM_LEAD",
                        contact,
                        100,
                        due,
                        Instant.now(),
                        true,
                        1)))));

    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.WORKORDERS,
                "WO-" + ticketId,
                EventTypes.WORKORDER_STEP_ASSIGNED,
                json.writeValueAsString(
                    new WorkOrderStepAssigned(
                        "WO-" + ticketId,
                        ticketId,
                        customerId,
                        "S-1",
                        "Refund",
                        department,
                        "clerk-" + department,
                        "ROUND_ROBIN",
                        Instant.now(),
                        due,
                        1)))));
    JsonNode clerkFeed =
        awaitFeed(
            TestTokens.bearer("clerk-" + department, List.of("DEPARTMENT"), Map.of()),
            feed -> feed.path("entries").size() == 1);
    assertThat(clerkFeed.path("entries").path(0).path("kind").asString())
        .isEqualTo("step-assigned");
    assertThat(clerkFeed.path("entries").path(0).path("body").asString()).contains("Refund");

    JsonNode departmentFeed =
        awaitFeed(TestTokens.department(department), feed -> feed.path("entries").size() == 2);
    assertThat(departmentFeed.path("entries").findValuesAsString("kind"))
        .containsExactlyInAnyOrder("step-ready", "step-overdue");
    List<Message> lead = readOverImap(contact, 1);
    assertThat((String) lead.get(0).getContent()).contains(ticketId).contains("1 h 30 min");
    JsonNode passed =
        awaitNotifications(
                "?ticketId=" + ticketId,
                TestTokens.agent(),
                found ->
                    found.stream()
                        .anyMatch(
                            n ->
                                "ticket-passed-to-department".equals(text(n, "template"))
                                    && "EMAIL".equals(text(n, "channel"))
                                    && sent(n)))
            .stream()
            .filter(n -> "ticket-passed-to-department".equals(text(n, "template")))
            .filter(n -> "EMAIL".equals(text(n, "channel")))
            .findFirst()
            .orElseThrow();
    // The department named in the customer's language.
    assertThat(text(passed, "locale")).isEqualTo("zh-CN");
    assertThat(text(passed, "body")).contains("计费与业务支撑部").doesNotContain("our billing team");
  }

  @Test
  void a_routing_that_comes_first_is_told_after_the_acknowledgement() throws Exception {
    String customerId = uniqueId("C");
    String ticketId = uniqueId("T");
    String address = customerId.toLowerCase(Locale.ROOT) + "@example.org";
    registerCustomer(customerId, address, null, "en-US");
    awaitContact(customerId);
    Instant due = Instant.now().plus(Duration.ofHours(8));

    // The routing is published before the opening it follows: the two travel on two topics.
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.WORKORDERS,
                "WO-" + ticketId,
                EventTypes.WORKORDER_ROUTED,
                json.writeValueAsString(
                    new WorkOrderRouted(
                        "WO-" + ticketId,
                        ticketId,
                        customerId,
                        "NETWORK",
                        "network-ops",
                        "by-category",
                        Instant.now(),
                        OPENED_AT,
                        "S-1",
                        "Repair",
                        "TASK",
                        "our network team",
                        due,
                        due,
                        1,
                        false,
                        null,
                        "TCK-4242",
                        "Router keeps rebooting",
                        "B",
                        "NORMAL")))));
    publishTicketOpened(ticket(ticketId, customerId, "Router keeps rebooting"));

    List<Message> inbox = readOverImap(address, 2);
    assertThat(inbox).hasSize(2);
    assertThat(inbox.get(0).getSubject()).startsWith("We have received your request");
    assertThat(inbox.get(1).getSubject()).contains("our network team");
  }

  @Test
  void warns_the_owner_and_the_department_before_the_breach_and_escalates_after_it()
      throws Exception {
    String customerId = uniqueId("C");
    String ticketId = uniqueId("T");
    String owner = uniqueId("agent");
    String department = "noc-" + RANDOM.nextInt(1_000_000);
    Instant resolveBy = Instant.now().plus(Duration.ofHours(2));
    publishTicketOpened(ticket(ticketId, customerId, "Packet loss", "NORMAL"));
    awaitNotifications("?ticketId=" + ticketId, TestTokens.agent(), found -> found.size() == 2);

    for (int level = 1; level <= 2; level++) {
      Integer percent = level == 1 ? 75 : 100;
      TicketEscalated escalated =
          new TicketEscalated(
              ticketId,
              "CD-1",
              customerId,
              "B",
              "NETWORK",
              "NORMAL",
              level,
              "RESOLUTION_TARGET",
              percent,
              owner,
              department,
              resolveBy,
              level == 1 ? resolveBy.minus(Duration.ofMinutes(90)) : resolveBy);
      producer.send(
          valid(
              CloudEventsProducer.event(
                  Topics.TICKETS,
                  ticketId,
                  EventTypes.TICKET_ESCALATED,
                  json.writeValueAsString(escalated))));
    }

    String ownerToken = TestTokens.bearer(owner, List.of("AGENT"), Map.of());
    JsonNode feed = awaitFeed(ownerToken, found -> found.path("entries").size() == 2);
    assertThat(feed.path("entries").findValuesAsString("kind"))
        .containsExactlyInAnyOrder("sla-warning", "escalation");
    JsonNode warning =
        feed.path("entries")
            .valueStream()
            .filter(entry -> "sla-warning".equals(entry.path("kind").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(warning.path("body").asString())
        .contains("75% of the target used")
        .contains("1 h 30 min left");
    assertThat(
            awaitFeed(TestTokens.department(department), found -> found.path("unread").asInt() == 2)
                .path("entries")
                .findValuesAsString("kind"))
        .containsExactlyInAnyOrder("escalation", "sla-warning");
  }

  @Test
  void tells_the_account_manager_their_customer_is_at_risk_and_the_supervisors_of_a_spike()
      throws Exception {
    String customerId = uniqueId("C");
    String manager = uniqueId("am");
    CustomerRegistered registered =
        new CustomerRegistered(
            customerId,
            "Northwind Ltd",
            "ENTERPRISE",
            "A",
            null,
            null,
            OPENED_AT,
            true,
            "en-US",
            null,
            null,
            null,
            null,
            null,
            manager);
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.CUSTOMERS,
                customerId,
                EventTypes.CUSTOMER_REGISTERED,
                json.writeValueAsString(registered))));
    awaitContact(customerId);
    Instant now = Instant.now();
    CustomerAtRisk risk =
        new CustomerAtRisk(
            customerId,
            "A",
            List.of(
                new CustomerAtRisk.Reason(
                    "REPEATED_COMPLAINTS", "3 complaints in 30 days, the latest CD-9", now),
                new CustomerAtRisk.Reason("LOW_SATISFACTION", "Rated CD-7 1 of 5", now)),
            "REPEATED_COMPLAINTS",
            "T-9",
            now);
    ProducerRecord<String, String> raised =
        valid(
            CloudEventsProducer.event(
                Topics.ANALYTICS,
                customerId,
                EventTypes.CUSTOMER_AT_RISK,
                json.writeValueAsString(risk)));
    producer.send(raised);
    producer.send(raised);
    String spikeId = "spike-" + uniqueId("NETWORK") + "-CN-SH-2026120509";
    AnomalyDetected spike =
        new AnomalyDetected(
            spikeId,
            "COMPLAINT_SPIKE",
            "NETWORK",
            "CN-SH",
            now.truncatedTo(java.time.temporal.ChronoUnit.HOURS),
            7,
            0.4,
            0.7,
            5,
            now);
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.ANALYTICS,
                spikeId,
                EventTypes.ANOMALY_DETECTED,
                json.writeValueAsString(spike))));

    String managerToken = TestTokens.bearer(manager, List.of("AGENT"), Map.of());
    JsonNode managerFeed = awaitFeed(managerToken, found -> found.path("entries").size() == 1);
    JsonNode atRisk = managerFeed.path("entries").get(0);
    assertThat(atRisk.path("kind").asString()).isEqualTo("customer-at-risk");
    assertThat(atRisk.path("body").asString())
        .contains("Northwind Ltd")
        .contains("3 complaints in 30 days");
    JsonNode supervisorFeed =
        awaitFeed(
            TestTokens.supervisor(),
            found ->
                found
                    .path("entries")
                    .valueStream()
                    .anyMatch(entry -> entry.path("body").asString().contains("7 in the hour")));
    JsonNode anomaly =
        supervisorFeed
            .path("entries")
            .valueStream()
            .filter(entry -> entry.path("body").asString().contains("7 in the hour"))
            .findFirst()
            .orElseThrow();
    assertThat(anomaly.path("kind").asString()).isEqualTo("anomaly-detected");
    assertThat(anomaly.path("feed").asString()).isEqualTo("supervisors");
    // The raise was delivered twice. A spike sent behind it on its partition shows that both
    // copies were consumed, and the manager's feed still holds the raise once.
    AnomalyDetected marker =
        new AnomalyDetected(
            spikeId + "-2",
            "COMPLAINT_SPIKE",
            "NETWORK",
            "CN-SH",
            spike.hourStart(),
            9,
            0.4,
            0.7,
            5,
            now);
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.ANALYTICS,
                customerId,
                EventTypes.ANOMALY_DETECTED,
                json.writeValueAsString(marker))));
    awaitFeed(
        TestTokens.supervisor(),
        found ->
            found
                .path("entries")
                .valueStream()
                .anyMatch(entry -> entry.path("body").asString().contains("9 in the hour")));
    assertThat(getJson("/feed", managerToken).path("entries").size()).isEqualTo(1);
  }

  @Test
  void surveys_a_resolution_once_and_takes_one_answer_through_its_signed_link() throws Exception {
    String customerId = uniqueId("C");
    String address = customerId.toLowerCase(Locale.ROOT) + "@example.org";
    String ticketId = uniqueId("T");
    registerCustomer(customerId, address, null, "en-US");
    awaitContact(customerId);
    publishTicketOpened(ticket(ticketId, customerId, "Router resets", "NORMAL"));
    ProducerRecord<String, String> resolved =
        valid(
            CloudEventsProducer.event(
                Topics.TICKETS,
                ticketId,
                EventTypes.TICKET_RESOLVED,
                json.writeValueAsString(
                    new TicketResolved(
                        ticketId,
                        "CD-7",
                        customerId,
                        "B",
                        "FAULT",
                        "NETWORK",
                        "HOTLINE",
                        null,
                        "Replaced the router",
                        "agent-7",
                        false,
                        false,
                        1,
                        OPENED_AT,
                        RESOLVE_BY,
                        Instant.now()))));
    producer.send(resolved);
    producer.send(resolved);

    // ticket-received, ticket-resolved and the survey, each once.
    List<Message> inbox = readOverImap(address, 3);
    awaitConsumedBehind(ticketId);
    Message survey =
        readOverImap(address, 3).stream()
            .filter(mail -> subject(mail).toLowerCase(Locale.ROOT).contains("how did we do"))
            .reduce(
                (one, two) -> {
                  throw new AssertionError("two surveys");
                })
            .orElseThrow(() -> new AssertionError("no survey among " + inbox.size()));
    Matcher link =
        Pattern.compile("/api/surveys/([A-Za-z0-9_.-]+)").matcher((String) survey.getContent());
    assertThat(link.find()).isTrue();
    String token = link.group(1);

    JsonNode open = json.readTree(surveyCall(token, "GET", null).body());
    // The ticket opened without a number: it is known by its id.
    assertThat(open.path("ticketNumber").asString()).isEqualTo(ticketId);
    assertThat(open.path("answered").asBoolean()).isFalse();

    HttpResponse<String> outOfRange = surveyCall(token, "POST", "{\"score\":6}");
    assertProblem(outOfRange, 400);
    assertThat(json.readTree(outOfRange.body()).path("errors").path(0).path("field").asString())
        .isEqualTo("score");
    // The same survey and expiry under another signature.
    int signature = token.lastIndexOf('.') + 1;
    char first = token.charAt(signature);
    String forged =
        token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
    HttpResponse<String> forgedAnswer = surveyCall(forged, "POST", "{\"score\":1}");
    assertProblem(forgedAnswer, 422);
    assertThat(json.readTree(forgedAnswer.body()).path("errors").path(0).path("field").asString())
        .isEqualTo("token");
    String surveyId = ticketId + ":1";
    String expired =
        new SurveyToken(MessageSinksInitializer.SURVEY_SECRET)
            .sign(surveyId, Instant.now().minusSeconds(60));
    HttpResponse<String> expiredAnswer = surveyCall(expired, "POST", "{\"score\":1}");
    assertProblem(expiredAnswer, 422);
    assertThat(expiredAnswer.body()).contains("has expired");

    try (TopicRecorder answers = TopicRecorder.of(Topics.SURVEYS)) {
      HttpResponse<String> answered =
          surveyCall(token, "POST", "{\"score\":4,\"comment\":\"Quick and polite\"}");
      assertThat(answered.statusCode()).isEqualTo(200);
      assertProblem(surveyCall(token, "POST", "{\"score\":5}"), 409);

      ConsumerRecord<String, String> published =
          answers.await(r -> r.value().contains(surveyId), PATIENCE);
      JsonNode answer = json.readTree(published.value());
      assertThat(answer.path("score").asInt()).isEqualTo(4);
      assertThat(answer.path("round").asInt()).isEqualTo(1);
      assertThat(answer.path("customerId").asString()).isEqualTo(customerId);
      assertThat(answers.all(r -> r.value().contains(surveyId))).hasSize(1);
    }
    assertThat(json.readTree(surveyCall(token, "GET", null).body()).path("answered").asBoolean())
        .isTrue();
  }

  private HttpResponse<String> surveyCall(String token, String method, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/surveys/" + token))
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String subject(Message mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  @Test
  void tells_the_customer_what_the_desk_needs_from_them() throws Exception {
    String customerId = uniqueId("C");
    String address = customerId.toLowerCase(Locale.ROOT) + "@example.org";
    String ticketId = uniqueId("T");
    registerCustomer(customerId, address, null, "en-US");
    awaitContact(customerId);
    publishTicketOpened(ticket(ticketId, customerId, "Cannot log in", "NORMAL"));
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.TICKETS,
                ticketId,
                EventTypes.TICKET_WAITING_FOR_CUSTOMER,
                json.writeValueAsString(
                    new TicketWaitingForCustomer(
                        ticketId,
                        "CD-9",
                        customerId,
                        "B",
                        "NORMAL",
                        "the serial number on the back of your router",
                        "agent-7",
                        1,
                        Instant.now())))));

    Message asked =
        readOverImap(address, 2).stream()
            .filter(mail -> subject(mail).contains("CD-9"))
            .findFirst()
            .orElseThrow();
    assertThat((String) asked.getContent())
        .contains("the serial number on the back of your router");
    assertThat(
            awaitNotifications(
                "?ticketId=" + ticketId,
                TestTokens.agent(),
                found ->
                    found.stream()
                        .anyMatch(n -> "waiting-for-customer".equals(text(n, "template")))))
        .isNotEmpty();
  }

  @Test
  void streams_new_feed_messages_to_a_connected_customer_and_marks_them_read() throws Exception {
    String customerId = uniqueId("C");
    String ticketId = uniqueId("T");
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> stream =
        http.send(
            request("/feed/stream", TestTokens.customer(customerId)).build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> stream.body().forEach(lines::add), "feed-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      await().atMost(PATIENCE).until(() -> lines.contains("event:unread"));
      publishTicketOpened(ticket(ticketId, customerId, "Modem lights off", "NORMAL"));

      await().atMost(PATIENCE).until(() -> lines.contains("event:notification"));
      assertThat(lines).anyMatch(line -> line.startsWith("data:") && line.contains(ticketId));
    } finally {
      reader.interrupt();
      stream.body().close();
    }

    JsonNode feed = getJson("/feed", TestTokens.customer(customerId));
    assertThat(feed.path("unread").asInt()).isEqualTo(1);
    String entry = feed.path("entries").path(0).path("id").asString();
    HttpResponse<String> read =
        http.send(
            request("/feed/" + entry + "/read", TestTokens.customer(customerId))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json.readTree(read.body()).path("unread").asInt()).isZero();
    assertProblem(
        http.send(
            request("/feed/" + entry + "/read", TestTokens.customer(uniqueId("C")))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString()),
        404);
  }

  @Test
  void lets_a_customer_read_only_their_own_notifications() throws Exception {
    String customerId = uniqueId("C");
    String ticketId = uniqueId("T");
    publishTicketOpened(ticket(ticketId, customerId, "Lost SIM"));

    List<JsonNode> own =
        awaitNotifications("", TestTokens.customer(customerId), found -> found.size() == 2);
    assertThat(own.get(0).path("ticketId").asString()).isEqualTo(ticketId);
    assertThat(
            get(
                    "?customerId=" + customerId + "&ticketId=" + ticketId,
                    TestTokens.customer(customerId))
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> other =
        get("?customerId=" + customerId, TestTokens.customer(uniqueId("C")));
    assertProblem(other, 403);
  }

  @Test
  void answers_401_without_a_token_and_403_for_roles_that_do_not_read_notifications()
      throws Exception {
    assertProblem(get("", null), 401);
    assertProblem(get("", TestTokens.department("billing")), 403);
    assertProblem(get("", TestTokens.bearer("erp", List.of("SYSTEM"), Map.of())), 403);
  }

  @Test
  void rejects_malformed_filters_with_the_offending_field() throws Exception {
    HttpResponse<String> response = get("?customerId=C%201%3B%20drop", TestTokens.agent());

    assertProblem(response, 400);
    JsonNode errors = json.readTree(response.body()).path("errors");
    assertThat(errors.size()).isEqualTo(1);
    assertThat(errors.path(0).path("field").asString()).isEqualTo("customerId");
  }

  @Test
  void dead_letters_a_ticket_event_that_violates_its_contract_and_stores_nothing()
      throws Exception {
    String customerId = uniqueId("C");
    String withoutTitle = "{\"ticketId\":\"T-x\",\"customerId\":\"" + customerId + "\"}";
    try (TopicRecorder deadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.TICKETS))) {
      String eventId =
          producer.publish(Topics.TICKETS, "T-x", EventTypes.TICKET_OPENED, withoutTitle);

      ConsumerRecord<String, String> dead =
          deadLetters.await(
              record -> eventId.equals(TopicRecorder.header(record, "ce_id")), PATIENCE);
      assertThat(TopicRecorder.header(dead, "crossdesk_dlt_reason")).contains("violates");
    }
    assertThat(
            mongo.count(Query.query(Criteria.where("customerId").is(customerId)), "notifications"))
        .isZero();
  }

  @Test
  void reports_its_health_without_a_token() throws Exception {
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(health.body());
    assertThat(body.path("status").asString()).isEqualTo("UP");
    assertThat(body.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
  }

  private void registerCustomer(String customerId, String email, String phone, String locale) {
    CustomerRegistered registered =
        new CustomerRegistered(
            customerId, "Ada Lovelace", "INDIVIDUAL", "B", phone, email, OPENED_AT, false, locale);
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.CUSTOMERS,
                customerId,
                EventTypes.CUSTOMER_REGISTERED,
                json.writeValueAsString(registered))));
  }

  private void awaitContact(String customerId) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                mongo.getCollection("contacts").find(new Document("_id", customerId)).first()
                    != null);
  }

  /** A profile change setting quiet hours in UTC. */
  private void publishProfile(String customerId, LocalTime from, LocalTime to) {
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    CustomerUpdated updated =
        new CustomerUpdated(
            customerId,
            1,
            List.of("quietHours"),
            "Ada Lovelace",
            "INDIVIDUAL",
            "B",
            false,
            null,
            "ACTIVE",
            "EMAIL",
            "en-US",
            true,
            hhmm.format(from),
            hhmm.format(to),
            "UTC",
            "C-self",
            Instant.now());
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.CUSTOMERS,
                customerId,
                EventTypes.CUSTOMER_UPDATED,
                json.writeValueAsString(updated))));
  }

  private static List<Message> readOverImap(String address, int expected) {
    return MessageSinks.readOverImap(address, expected, PATIENCE);
  }

  private void publishTicketOpened(TicketOpened ticket) {
    producer.send(ticketOpened(ticket));
  }

  /** A TicketOpened event as ticket-service publishes it, keyed by the ticket. */
  private ProducerRecord<String, String> ticketOpened(TicketOpened ticket) {
    return valid(
        CloudEventsProducer.event(
            Topics.TICKETS,
            ticket.ticketId(),
            EventTypes.TICKET_OPENED,
            json.writeValueAsString(ticket)));
  }

  /** Checks the event's data against its contract, so a test never sends junk by mistake. */
  private static ProducerRecord<String, String> valid(ProducerRecord<String, String> event) {
    String type = new String(event.headers().lastHeader("ce_type").value(), UTF_8);
    assertThat(EventSchemas.violations(EventCatalogue.byType(type).orElseThrow(), event.value()))
        .isEmpty();
    return event;
  }

  /**
   * Waits until everything published so far under {@code key} has been consumed: an acknowledgement
   * for a ticket sent behind it on the same partition is queued only after them.
   */
  private void awaitConsumedBehind(String key) {
    String marker = uniqueId("T");
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.TICKETS,
                key,
                EventTypes.TICKET_OPENED,
                json.writeValueAsString(ticket(marker, uniqueId("C"), "Marker")))));
    awaitNotifications("?ticketId=" + marker, TestTokens.agent(), found -> found.size() == 2);
  }

  private static TicketOpened ticket(String ticketId, String customerId, String title) {
    return ticket(ticketId, customerId, title, "NORMAL");
  }

  private static TicketOpened ticket(
      String ticketId, String customerId, String title, String priority) {
    return new TicketOpened(
        ticketId,
        customerId,
        "B",
        "HOTLINE",
        "NETWORK",
        priority,
        title,
        null,
        "agent-7",
        null,
        null,
        OPENED_AT,
        RESOLVE_BY,
        null,
        null,
        null,
        null,
        null);
  }

  private List<JsonNode> awaitNotifications(
      String query, String bearer, Predicate<List<JsonNode>> done) {
    List<JsonNode> found = new ArrayList<>();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              HttpResponse<String> response = get(query, bearer);
              assertThat(response.statusCode()).isEqualTo(200);
              found.clear();
              json.readTree(response.body()).values().forEach(found::add);
              return done.test(found);
            });
    return found;
  }

  private JsonNode awaitFeed(String bearer, Predicate<JsonNode> done) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              found[0] = getJson("/feed", bearer);
              return done.test(found[0]);
            });
    return found[0];
  }

  private List<JsonNode> getNotifications(String query, String bearer) throws Exception {
    HttpResponse<String> response = get(query, bearer);
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> found = new ArrayList<>();
    json.readTree(response.body()).values().forEach(found::add);
    return found;
  }

  private JsonNode getJson(String path, String bearer) throws Exception {
    HttpResponse<String> response =
        http.send(request(path, bearer).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpRequest.Builder request(String path, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/notifications" + path));
    return bearer == null ? request : request.header("Authorization", bearer);
  }

  private static JsonNode only(List<JsonNode> notifications, String channel) {
    return notifications.stream()
        .filter(n -> channel.equals(text(n, "channel")))
        .reduce(
            (one, two) -> {
              throw new AssertionError("more than one " + channel + " notification");
            })
        .orElseThrow(() -> new AssertionError("no " + channel + " notification"));
  }

  private static boolean sent(JsonNode notification) {
    return "SENT".equals(text(notification, "status"));
  }

  private HttpResponse<String> get(String query, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/notifications" + query));
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asString();
  }

  private static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
