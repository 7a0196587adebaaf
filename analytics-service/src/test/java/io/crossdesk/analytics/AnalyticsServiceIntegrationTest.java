package io.crossdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.ticket.SatisfactionRecorded;
import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketEscalated;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.contracts.workorder.WorkOrderStepCompleted;
import io.crossdesk.contracts.workorder.WorkOrderStepReturned;
import io.crossdesk.contracts.workorder.WorkOrderTransferred;
import io.crossdesk.platform.events.EventSchemas;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KPI engine over real Kafka and MongoDB-compatible servers, read through the API. All tests
 * share one engine and database, so each counts on a day of its own.
 */
@CrossdeskIntegrationTest
@TestPropertySource(
    properties = "crossdesk.analytics.state-dir=target/kafka-streams/${random.uuid}")
class AnalyticsServiceIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired JsonMapper json;

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
  void computes_a_days_kpis_from_ticket_events_counting_a_republished_event_once()
      throws Exception {
    Instant day = Instant.parse("2025-03-04T00:00:00Z");
    String hotline = "HOTLINE";
    // A complaint: resolved in 2 h, reopened, resolved again 6 h after opening (late), rated 4.
    TicketOpened complaint = opened("COMPLAINT", hotline, "A", day.plusSeconds(9 * 3600));
    ProducerRecord<String, String> complaintOpened =
        event(Topics.TICKETS, complaint.ticketId(), EventTypes.TICKET_OPENED, complaint);
    producer.send(complaintOpened);
    producer.send(complaintOpened);
    publish(complaint, EventTypes.TICKET_RESOLVED, resolved(complaint, 11, false, false, 1));
    publish(
        complaint,
        EventTypes.TICKET_REOPENED,
        new TicketReopened(
            complaint.ticketId(),
            complaint.ticketNumber(),
            "C-1",
            "A",
            "COMPLAINT",
            hotline,
            complaint.category(),
            "NORMAL",
            "Still broken",
            "Still broken",
            "It broke again",
            1,
            2,
            "c-1",
            at(day, 12),
            at(day, 20),
            null));
    publish(complaint, EventTypes.TICKET_RESOLVED, resolved(complaint, 15, true, false, 2));
    publish(complaint, EventTypes.SATISFACTION_RECORDED, rated(complaint, 4, at(day, 16)));
    publish(
        complaint,
        EventTypes.TICKET_CLOSED,
        new TicketClosed(
            complaint.ticketId(),
            complaint.ticketNumber(),
            "C-1",
            "COMPLAINT",
            complaint.category(),
            "CONFIRMED",
            null,
            "c-1",
            at(day, 17)));
    // A consultation answered at the first contact, five minutes after it came in, rated 2.
    TicketOpened question = opened("CONSULTATION", "WEB", "B", day.plusSeconds(10 * 3600));
    publish(question, EventTypes.TICKET_OPENED, question);
    publish(
        question,
        EventTypes.TICKET_RESOLVED,
        new TicketResolved(
            question.ticketId(),
            question.ticketNumber(),
            "C-1",
            "B",
            "CONSULTATION",
            question.category(),
            "WEB",
            "service-center",
            "Explained the tariff",
            "agent-7",
            true,
            false,
            1,
            question.openedAt(),
            question.resolveBy(),
            question.openedAt().plusSeconds(300)));
    publish(question, EventTypes.SATISFACTION_RECORDED, rated(question, 2, at(day, 11)));
    // A fault warned at 75% of its target, then escalated at 100%.
    TicketOpened fault = opened("FAULT", "APP", "C", day.plusSeconds(13 * 3600));
    publish(fault, EventTypes.TICKET_OPENED, fault);
    publish(fault, EventTypes.TICKET_ESCALATED, escalated(fault, 1, 75, at(day, 14)));
    publish(fault, EventTypes.TICKET_ESCALATED, escalated(fault, 2, 100, at(day, 15)));

    String dayRange = "from=2025-03-04&to=2025-03-05";
    JsonNode all =
        awaitGroup(
            "/api/analytics/kpis?" + dayRange,
            "all",
            kpis ->
                kpis.path("ticketsClosed").asLong() == 1
                    && kpis.path("satisfaction").path("answered").asLong() == 2
                    && kpis.path("escalationsByLevel").path("2").asLong() == 1);

    assertThat(all.path("ticketsOpened").asLong()).isEqualTo(3);
    assertThat(all.path("complaintsOpened").asLong()).isEqualTo(1);
    assertThat(all.path("ticketsResolved").asLong()).isEqualTo(3);
    assertThat(all.path("ticketsReopened").asLong()).isEqualTo(1);
    assertThat(all.path("reopenRate").asDouble()).isEqualTo(0.3333);
    assertThat(all.path("resolvedAtFirstContact").asLong()).isEqualTo(1);
    assertThat(all.path("firstContactResolutionRate").asDouble()).isEqualTo(0.3333);
    JsonNode resolution = all.path("resolutionTime");
    assertThat(resolution.path("count").asLong()).isEqualTo(3);
    assertThat(resolution.path("averageSeconds").asDouble()).isEqualTo((7200 + 21600 + 300) / 3.0);
    // Nearest rank of [300, 7200, 21600]: the median is 7200, the 90th percentile 21600.
    assertThat(resolution.path("p50Seconds").asDouble()).isCloseTo(7200, within(7200 * 0.015));
    assertThat(resolution.path("p90Seconds").asDouble()).isCloseTo(21600, within(21600 * 0.015));
    // In business hours: 3,600 and 18,000 s for the complaint; the consultation states none.
    assertThat(all.path("resolutionBusinessTime").path("count").asLong()).isEqualTo(2);
    assertThat(all.path("resolutionBusinessTime").path("averageSeconds").asDouble())
        .isEqualTo(10800.0);
    // Only the complaint's first resolution states a first response: 30 minutes, in time.
    assertThat(all.path("firstResponseTime").path("count").asLong()).isEqualTo(1);
    assertThat(all.path("firstResponseTime").path("averageSeconds").asDouble()).isEqualTo(1800.0);
    assertThat(all.path("firstResponseBusinessTime").path("averageSeconds").asDouble())
        .isEqualTo(1800.0);
    assertThat(all.path("firstResponseSla").path("met").asLong()).isEqualTo(1);
    assertThat(all.path("firstResponseSla").path("shareMet").asDouble()).isEqualTo(1.0);
    assertThat(all.path("resolutionSla").path("met").asLong()).isEqualTo(2);
    assertThat(all.path("resolutionSla").path("breached").asLong()).isEqualTo(1);
    assertThat(all.path("resolutionSla").path("shareMet").asDouble()).isEqualTo(0.6667);
    assertThat(all.path("slaWarnings").asLong()).isEqualTo(1);
    assertThat(all.path("escalationsByLevel").size()).isEqualTo(1);
    assertThat(all.path("satisfaction").path("average").asDouble()).isEqualTo(3.0);
    assertThat(all.path("satisfaction").path("distribution").path("2").asLong()).isEqualTo(1);
    assertThat(all.path("satisfaction").path("distribution").path("4").asLong()).isEqualTo(1);

    JsonNode byChannel = report("/api/analytics/kpis?" + dayRange + "&groupBy=channel");
    assertThat(group(byChannel, 0, hotline).path("ticketsOpened").asLong()).isEqualTo(1);
    assertThat(group(byChannel, 0, hotline).path("ticketsResolved").asLong()).isEqualTo(2);
    assertThat(group(byChannel, 0, "WEB").path("resolvedAtFirstContact").asLong()).isEqualTo(1);
    JsonNode byDepartment = report("/api/analytics/kpis?" + dayRange + "&groupBy=department");
    assertThat(group(byDepartment, 0, "billing").path("ticketsResolved").asLong()).isEqualTo(2);
    assertThat(group(byDepartment, 0, "service-center").path("ticketsResolved").asLong())
        .isEqualTo(1);

    // By hour: the complaint came in between 09:00 and 10:00.
    JsonNode hours = report("/api/analytics/kpis?" + dayRange + "&bucket=hour");
    assertThat(hours.path("buckets").size()).isEqualTo(24);
    assertThat(hours.path("buckets").get(9).path("start").asString())
        .isEqualTo("2025-03-04T09:00:00Z");
    assertThat(group(hours, 9, "all").path("ticketsOpened").asLong()).isEqualTo(1);
    assertThat(hours.path("buckets").get(8).path("groups").size()).isZero();

    HttpResponse<String> csv =
        get("/api/analytics/kpis.csv?" + dayRange + "&groupBy=tier", TestTokens.supervisor());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String[] rows = csv.body().split("\r\n");
    assertThat(rows[0]).startsWith("periodStart,tier,ticketsOpened,");
    assertThat(rows).hasSize(4);
    assertThat(rows[0]).startsWith("periodStart,tier,ticketsOpened,complaintsOpened,customers,");
    assertThat(rows[1]).startsWith("2025-03-04T00:00:00Z,A,1,1,");
  }

  @Test
  void grades_the_departments_steps_by_their_olas_returns_transfers_and_call_backs()
      throws Exception {
    Instant day = Instant.parse("2025-04-08T00:00:00Z");
    String workOrderId = unique("W");
    String ticketId = unique("T");
    publishWorkOrder(
        workOrderId,
        EventTypes.WORKORDER_ROUTED,
        routedToTask(
            workOrderId,
            ticketId,
            "C-1",
            "NETWORK",
            "billing",
            "rule-1",
            at(day, 9),
            at(day, 9).minusSeconds(60),
            "diagnose",
            "Diagnose",
            "Billing",
            at(day, 17)));
    publishWorkOrder(
        workOrderId,
        EventTypes.WORKORDER_TRANSFERRED,
        new WorkOrderTransferred(
            workOrderId,
            ticketId,
            "diagnose",
            "Diagnose",
            "billing",
            "network-ops",
            "A line fault",
            "b-1",
            at(day, 10),
            at(day, 18),
            1));
    publishWorkOrder(
        workOrderId,
        EventTypes.WORKORDER_STEP_COMPLETED,
        completed(
            workOrderId,
            ticketId,
            "diagnose",
            "TASK",
            "network-ops",
            at(day, 10),
            at(day, 12),
            false));
    publishWorkOrder(
        workOrderId,
        EventTypes.WORKORDER_STEP_RETURNED,
        new WorkOrderStepReturned(
            workOrderId,
            ticketId,
            "repair",
            "Repair",
            "field-service",
            "diagnose",
            "network-ops",
            "Wrong port",
            "f-1",
            at(day, 13),
            at(day, 18),
            1));
    publishWorkOrder(
        workOrderId,
        EventTypes.WORKORDER_STEP_COMPLETED,
        completed(
            workOrderId,
            ticketId,
            "diagnose",
            "TASK",
            "network-ops",
            at(day, 13),
            at(day, 14),
            true));
    // Call-backs done on this day: one within three days of becoming due, one four days late.
    publishWorkOrder(
        workOrderId,
        EventTypes.WORKORDER_STEP_COMPLETED,
        completed(
            workOrderId,
            ticketId,
            "call-back",
            "FOLLOW_UP",
            "service-center",
            day.minus(Duration.ofDays(2)),
            at(day, 15),
            false));
    String late = unique("W");
    publishWorkOrder(
        late,
        EventTypes.WORKORDER_STEP_COMPLETED,
        completed(
            late,
            unique("T"),
            "call-back",
            "FOLLOW_UP",
            "service-center",
            day.minus(Duration.ofDays(4)),
            at(day, 16),
            true));

    String byDepartment = "/api/analytics/kpis?from=2025-04-08&to=2025-04-09&groupBy=department";
    JsonNode report =
        awaitReport(
            byDepartment,
            r ->
                group(r, 0, "service-center").path("steps").path("callBacksDone").asLong() == 2
                    && group(r, 0, "network-ops").path("steps").path("completed").asLong() == 2);
    JsonNode networkOps = group(report, 0, "network-ops").path("steps");
    assertThat(networkOps.path("returned").asLong()).isEqualTo(1);
    assertThat(networkOps.path("returnRate").asDouble()).isEqualTo(0.5);
    assertThat(networkOps.path("ola").path("met").asLong()).isEqualTo(1);
    assertThat(networkOps.path("ola").path("breached").asLong()).isEqualTo(1);
    assertThat(networkOps.path("stepTime").path("averageSeconds").asDouble()).isEqualTo(5400.0);
    JsonNode billing = group(report, 0, "billing").path("steps");
    assertThat(billing.path("routed").asLong()).isEqualTo(1);
    assertThat(billing.path("transferred").asLong()).isEqualTo(1);
    assertThat(billing.path("transferRate").asDouble()).isEqualTo(1.0);
    assertThat(billing.path("routingTime").path("averageSeconds").asDouble()).isEqualTo(60.0);
    JsonNode serviceCenter = group(report, 0, "service-center").path("steps");
    assertThat(serviceCenter.path("callBacksWithin3Days").asLong()).isEqualTo(1);
    assertThat(serviceCenter.path("callBacksWithin3DaysShare").asDouble()).isEqualTo(0.5);
  }

  @Test
  void raises_a_customer_with_three_complaints_in_thirty_days_once_and_lists_them()
      throws Exception {
    String customerId = unique("C");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (TopicRecorder analytics = TopicRecorder.of(Topics.ANALYTICS)) {
      for (int daysAgo : new int[] {20, 10, 1}) {
        TicketOpened complaint =
            opened(
                customerId, "COMPLAINT", "BILLING", "CN-GD", now.minus(Duration.ofDays(daysAgo)));
        publish(complaint, EventTypes.TICKET_OPENED, complaint);
      }

      ConsumerRecord<String, String> raised =
          analytics.await(
              record ->
                  customerId.equals(record.key())
                      && EventTypes.CUSTOMER_AT_RISK.equals(
                          TopicRecorder.header(record, "ce_type")),
              PATIENCE);
      assertThat(
              EventSchemas.violations(
                  EventCatalogue.byType(EventTypes.CUSTOMER_AT_RISK).orElseThrow(), raised.value()))
          .isEmpty();
    }
    JsonNode listed =
        await()
            .atMost(PATIENCE)
            .until(
                () -> find(getJson("/api/analytics/customers/at-risk"), "customerId", customerId),
                found -> found != null);
    assertThat(listed.path("latestReason").asString()).isEqualTo("REPEATED_COMPLAINTS");
    assertThat(listed.path("reasons").get(0).path("detail").asString())
        .startsWith("3 complaints in 30 days");
  }

  @Test
  void a_complaint_spike_raises_one_alert_that_a_supervisor_acknowledges() throws Exception {
    String category = "SPIKE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(5));
    // Six complaints in one quiet hour: the fifth is a spike, the sixth the same spike.
    for (int minute = 0; minute < 6; minute++) {
      TicketOpened complaint =
          opened(
              unique("C"), "COMPLAINT", category, "CN-BJ", hour.plus(Duration.ofMinutes(minute)));
      publish(complaint, EventTypes.TICKET_OPENED, complaint);
    }
    // Three days later, another spike of the same key: once it is listed, every complaint before it
    // (same key, same partition) has been taken into account.
    Instant later = hour.plus(Duration.ofDays(3));
    for (int minute = 0; minute < 5; minute++) {
      TicketOpened complaint =
          opened(
              unique("C"), "COMPLAINT", category, "CN-BJ", later.plus(Duration.ofMinutes(minute)));
      publish(complaint, EventTypes.TICKET_OPENED, complaint);
    }

    List<JsonNode> spikes =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    getJson("/api/analytics/alerts")
                        .valueStream()
                        .filter(alert -> category.equals(alert.path("category").asString()))
                        .toList(),
                found -> found.size() >= 2);
    assertThat(spikes).hasSize(2);
    JsonNode first =
        spikes.stream()
            .filter(alert -> hour.toString().equals(alert.path("hourStart").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(first.path("observed").asLong()).isEqualTo(5);
    assertThat(first.path("status").asString()).isEqualTo("OPEN");

    String path = "/api/analytics/alerts/" + first.path("id").asString() + "/acknowledge";
    assertProblem(post(path, TestTokens.agent()), 403);
    HttpResponse<String> acknowledged = post(path, TestTokens.supervisor());
    assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
    assertThat(json.readTree(acknowledged.body()).path("status").asString())
        .isEqualTo("ACKNOWLEDGED");
    assertThat(
            getJson("/api/analytics/alerts?status=OPEN")
                .valueStream()
                .map(alert -> alert.path("id").asString()))
        .doesNotContain(first.path("id").asString());
    assertProblem(post("/api/analytics/alerts/spike-none/acknowledge", TestTokens.admin()), 404);
  }

  /**
   * One scripted day of a desk, every figure computed by hand: four tickets over three tiers, three
   * channels and three departments, with a breach, a reopening, a first-contact resolution,
   * surveys, an escalation, and a work order whose step is returned once; the next day a complaint
   * spike, three of whose complaints come from one customer. Then a rebuild gives the same figures.
   */
  @Test
  void
      a_scripted_day_gives_the_hand_computed_kpis_one_alert_one_customer_at_risk_and_a_rebuild_the_same()
          throws Exception {
    // Within the last 30 days, so the customer at risk is listed; no other test counts on it.
    Instant day = Instant.now().minus(Duration.ofDays(27)).truncatedTo(ChronoUnit.DAYS);

    // T1, a tier A complaint by hotline, 09:00: billing resolves it at 11:00 in time (first
    // response after 30 min), the customer reopens it at 12:00, billing resolves it again at 15:00,
    // late; rated 2.
    TicketOpened t1 = opened("COMPLAINT", "HOTLINE", "A", at(day, 9));
    publish(t1, EventTypes.TICKET_OPENED, t1);
    publish(t1, EventTypes.TICKET_RESOLVED, resolved(t1, 11, false, false, 1));
    publish(
        t1,
        EventTypes.TICKET_REOPENED,
        new TicketReopened(
            t1.ticketId(),
            t1.ticketNumber(),
            t1.customerId(),
            "A",
            "COMPLAINT",
            "HOTLINE",
            t1.category(),
            "NORMAL",
            "Charged again",
            "Charged again",
            "Charged again",
            1,
            2,
            "c-1",
            at(day, 12),
            at(day, 16),
            null));
    publish(t1, EventTypes.TICKET_RESOLVED, resolved(t1, 15, true, false, 2));
    publish(t1, EventTypes.SATISFACTION_RECORDED, rated(t1, 2, at(day, 16)));
    // T2, a tier B consultation on the web, 10:00, answered at the first contact in 5 minutes by
    // the
    // service center; rated 5.
    TicketOpened t2 = opened("CONSULTATION", "WEB", "B", at(day, 10));
    publish(t2, EventTypes.TICKET_OPENED, t2);
    publish(
        t2,
        EventTypes.TICKET_RESOLVED,
        new TicketResolved(
            t2.ticketId(),
            t2.ticketNumber(),
            t2.customerId(),
            "B",
            "CONSULTATION",
            t2.category(),
            "WEB",
            "service-center",
            "Explained the tariff",
            "agent-7",
            true,
            false,
            1,
            t2.openedAt(),
            t2.resolveBy(),
            t2.openedAt().plusSeconds(300)));
    publish(t2, EventTypes.SATISFACTION_RECORDED, rated(t2, 5, at(day, 11)));
    // T3, a tier C fault from the app, 13:00, routed a minute later to field service: repaired by
    // 13:31, returned by network operations' verification at 13:40, repaired again by 13:50,
    // verified at 13:55 (past its OLA); network operations resolves the ticket at 14:00, in time;
    // rated 4.
    TicketOpened t3 = opened("FAULT", "APP", "C", at(day, 13));
    publish(t3, EventTypes.TICKET_OPENED, t3);
    String w1 = unique("W");
    publishWorkOrder(
        w1,
        EventTypes.WORKORDER_ROUTED,
        routedToTask(
            w1,
            t3.ticketId(),
            t3.customerId(),
            t3.category(),
            "field-service",
            "fault-repair",
            at(day, 13).plusSeconds(60),
            at(day, 13),
            "repair",
            "Repair",
            "Field service",
            at(day, 17)));
    publishWorkOrder(
        w1,
        EventTypes.WORKORDER_STEP_COMPLETED,
        completed(
            w1,
            t3.ticketId(),
            "repair",
            "TASK",
            "field-service",
            at(day, 13).plusSeconds(60),
            at(day, 13).plusSeconds(31 * 60),
            false));
    publishWorkOrder(
        w1,
        EventTypes.WORKORDER_STEP_RETURNED,
        new WorkOrderStepReturned(
            w1,
            t3.ticketId(),
            "verify",
            "Verify",
            "network-ops",
            "repair",
            "field-service",
            "Still no sync",
            "n-1",
            at(day, 13).plusSeconds(40 * 60),
            at(day, 17),
            1));
    publishWorkOrder(
        w1,
        EventTypes.WORKORDER_STEP_COMPLETED,
        completed(
            w1,
            t3.ticketId(),
            "repair",
            "TASK",
            "field-service",
            at(day, 13).plusSeconds(40 * 60),
            at(day, 13).plusSeconds(50 * 60),
            false));
    publishWorkOrder(
        w1,
        EventTypes.WORKORDER_STEP_COMPLETED,
        completed(
            w1,
            t3.ticketId(),
            "verify",
            "TASK",
            "network-ops",
            at(day, 13).plusSeconds(50 * 60),
            at(day, 13).plusSeconds(55 * 60),
            true));
    publish(t3, EventTypes.TICKET_RESOLVED, resolvedBy(t3, "network-ops", false));
    publish(t3, EventTypes.SATISFACTION_RECORDED, rated(t3, 4, at(day, 15)));
    // T4, a tier B service request on the web, 14:00, still open, escalated at 18:00 to network
    // operations' level 1 when its target passed.
    TicketOpened t4 = opened("SERVICE_REQUEST", "WEB", "B", at(day, 14));
    publish(t4, EventTypes.TICKET_OPENED, t4);
    publish(t4, EventTypes.TICKET_ESCALATED, escalated(t4, 1, 100, at(day, 18)));

    // The next day, six complaints of one category and region within five minutes of a quiet hour;
    // the first three from one customer.
    Instant nextDay = day.plus(Duration.ofDays(1));
    String category = "SCRIPT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String complainer = unique("C");
    for (int minute = 0; minute < 6; minute++) {
      TicketOpened complaint =
          opened(
              minute < 3 ? complainer : unique("C"),
              "COMPLAINT",
              category,
              "CN-SX",
              at(nextDay, 10).plus(Duration.ofMinutes(minute)));
      publish(complaint, EventTypes.TICKET_OPENED, complaint);
    }

    String date = day.toString().substring(0, 10);
    String range =
        "/api/analytics/kpis?from=" + date + "&to=" + nextDay.toString().substring(0, 10);
    JsonNode all =
        awaitGroup(
            range,
            "all",
            kpis ->
                kpis.path("ticketsResolved").asLong() == 4
                    && kpis.path("satisfaction").path("answered").asLong() == 3
                    && kpis.path("escalationsByLevel").path("1").asLong() == 1
                    && kpis.path("steps").path("completed").asLong() == 3);
    // The day by hand: 4 opened, 1 complaint; 4 resolutions (T1 twice, T2, T3), 1 reopened and 1
    // at first contact of them; resolution times 7,200, 21,600, 300 and 3,600 s.
    assertThat(all.path("ticketsOpened").asLong()).isEqualTo(4);
    assertThat(all.path("complaintsOpened").asLong()).isEqualTo(1);
    assertThat(all.path("complaintsResolved").asLong()).isEqualTo(2);
    assertThat(all.path("ticketsReopened").asLong()).isEqualTo(1);
    assertThat(all.path("reopenRate").asDouble()).isEqualTo(0.25);
    assertThat(all.path("resolvedAtFirstContact").asLong()).isEqualTo(1);
    assertThat(all.path("firstContactResolutionRate").asDouble()).isEqualTo(0.25);
    JsonNode resolution = all.path("resolutionTime");
    assertThat(resolution.path("averageSeconds").asDouble())
        .isEqualTo((7200 + 21600 + 300 + 3600) / 4.0);
    // Nearest rank of [300, 3600, 7200, 21600]: the median is the 2nd, the 90th percentile the 4th.
    assertThat(resolution.path("p50Seconds").asDouble()).isCloseTo(3600, within(3600 * 0.015));
    assertThat(resolution.path("p90Seconds").asDouble()).isCloseTo(21600, within(21600 * 0.015));
    // Business hours are stated for T1's two resolutions only: 3,600 and 18,000 s.
    assertThat(all.path("resolutionBusinessTime").path("count").asLong()).isEqualTo(2);
    assertThat(all.path("resolutionBusinessTime").path("averageSeconds").asDouble())
        .isEqualTo(10800.0);
    assertThat(all.path("firstResponseTime").path("averageSeconds").asDouble()).isEqualTo(1800.0);
    assertThat(all.path("firstResponseSla").path("shareMet").asDouble()).isEqualTo(1.0);
    // Within SLA: T1's first resolution, T2 and T3; breached: T1's second.
    assertThat(all.path("resolutionSla").path("met").asLong()).isEqualTo(3);
    assertThat(all.path("resolutionSla").path("breached").asLong()).isEqualTo(1);
    assertThat(all.path("resolutionSla").path("shareMet").asDouble()).isEqualTo(0.75);
    assertThat(all.path("slaWarnings").asLong()).isZero();
    assertThat(all.path("escalationsByLevel").size()).isEqualTo(1);
    // Surveys 2, 5 and 4.
    assertThat(all.path("satisfaction").path("average").asDouble()).isEqualTo(3.6667);
    assertThat(all.path("satisfaction").path("distribution").path("2").asLong()).isEqualTo(1);
    assertThat(all.path("satisfaction").path("distribution").path("4").asLong()).isEqualTo(1);
    assertThat(all.path("satisfaction").path("distribution").path("5").asLong()).isEqualTo(1);

    JsonNode byDepartment = report(range + "&groupBy=department");
    // Opened before any department resolved or escalated them.
    assertThat(group(byDepartment, 0, "unknown").path("ticketsOpened").asLong()).isEqualTo(4);
    JsonNode billing = group(byDepartment, 0, "billing");
    assertThat(billing.path("ticketsResolved").asLong()).isEqualTo(2);
    assertThat(billing.path("resolutionSla").path("shareMet").asDouble()).isEqualTo(0.5);
    assertThat(billing.path("satisfaction").path("average").asDouble()).isEqualTo(2.0);
    JsonNode serviceCenter = group(byDepartment, 0, "service-center");
    assertThat(serviceCenter.path("resolvedAtFirstContact").asLong()).isEqualTo(1);
    assertThat(serviceCenter.path("satisfaction").path("average").asDouble()).isEqualTo(5.0);
    JsonNode networkOps = group(byDepartment, 0, "network-ops");
    assertThat(networkOps.path("ticketsResolved").asLong()).isEqualTo(1);
    assertThat(networkOps.path("escalationsByLevel").path("1").asLong()).isEqualTo(1);
    assertThat(networkOps.path("steps").path("completed").asLong()).isEqualTo(1);
    assertThat(networkOps.path("steps").path("ola").path("breached").asLong()).isEqualTo(1);
    // Field service: routed once in 60 s, two repairs of 1,800 and 600 s in their OLA, one of them
    // sent back.
    JsonNode fieldService = group(byDepartment, 0, "field-service").path("steps");
    assertThat(fieldService.path("routed").asLong()).isEqualTo(1);
    assertThat(fieldService.path("routingTime").path("averageSeconds").asDouble()).isEqualTo(60.0);
    assertThat(fieldService.path("completed").asLong()).isEqualTo(2);
    assertThat(fieldService.path("stepTime").path("averageSeconds").asDouble()).isEqualTo(1200.0);
    assertThat(fieldService.path("ola").path("shareMet").asDouble()).isEqualTo(1.0);
    assertThat(fieldService.path("returned").asLong()).isEqualTo(1);
    assertThat(fieldService.path("returnRate").asDouble()).isEqualTo(0.5);

    JsonNode byChannel = report(range + "&groupBy=channel");
    assertThat(group(byChannel, 0, "HOTLINE").path("ticketsOpened").asLong()).isEqualTo(1);
    assertThat(group(byChannel, 0, "HOTLINE").path("ticketsResolved").asLong()).isEqualTo(2);
    assertThat(group(byChannel, 0, "WEB").path("ticketsOpened").asLong()).isEqualTo(2);
    assertThat(group(byChannel, 0, "WEB").path("firstContactResolutionRate").asDouble())
        .isEqualTo(1.0);
    assertThat(group(byChannel, 0, "APP").path("ticketsResolved").asLong()).isEqualTo(1);
    JsonNode byTier = report(range + "&groupBy=tier");
    assertThat(group(byTier, 0, "A").path("ticketsOpened").asLong()).isEqualTo(1);
    assertThat(group(byTier, 0, "A").path("ticketsReopened").asLong()).isEqualTo(1);
    assertThat(group(byTier, 0, "B").path("ticketsOpened").asLong()).isEqualTo(2);
    assertThat(group(byTier, 0, "C").path("ticketsOpened").asLong()).isEqualTo(1);

    // The spike: one alert for the five complaints that crossed the threshold, the sixth in it.
    List<JsonNode> alerts = awaitAlerts(category, 1);
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).path("observed").asLong()).isEqualTo(5);
    assertThat(alerts.get(0).path("region").asString()).isEqualTo("CN-SX");
    // The customer behind three of them: at risk, for repeated complaints.
    JsonNode atRisk =
        await()
            .atMost(PATIENCE)
            .until(
                () -> find(getJson("/api/analytics/customers/at-risk"), "customerId", complainer),
                found -> found != null);
    assertThat(atRisk.path("latestReason").asString()).isEqualTo("REPEATED_COMPLAINTS");
    assertThat(atRisk.path("reasons").findValuesAsString("code"))
        .containsExactly("REPEATED_COMPLAINTS");

    // A rebuild from the topics: the figures stay served while the new generation is computed, and
    // it gives the same ones; the warnings it raises again are the same events, listed once.
    List<String> views =
        List.of(
            range,
            range + "&groupBy=department",
            range + "&groupBy=channel",
            range + "&groupBy=tier");
    List<JsonNode> before = new ArrayList<>();
    for (String view : views) {
      before.add(report(view));
    }
    int served = getJson("/api/analytics/rebuild").path("served").asInt();
    assertProblem(post("/api/analytics/rebuild", TestTokens.supervisor()), 403);
    HttpResponse<String> started = post("/api/analytics/rebuild", TestTokens.admin());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(json.readTree(started.body()).path("building").asInt()).isEqualTo(served + 1);
    assertProblem(post("/api/analytics/rebuild", TestTokens.admin()), 409);
    assertThat(report(views.get(0))).isEqualTo(before.get(0));
    await()
        .atMost(PATIENCE)
        .until(() -> getJson("/api/analytics/rebuild").path("served").asInt() == served + 1);
    assertThat(getJson("/api/analytics/rebuild").path("building").isNull()).isTrue();
    for (int view = 0; view < views.size(); view++) {
      assertThat(report(views.get(view))).as(views.get(view)).isEqualTo(before.get(view));
    }
    assertThat(awaitAlerts(category, 1)).hasSize(1);
  }

  private List<JsonNode> awaitAlerts(String category, int atLeast) {
    return await()
        .atMost(PATIENCE)
        .until(
            () ->
                getJson("/api/analytics/alerts")
                    .valueStream()
                    .filter(alert -> category.equals(alert.path("category").asString()))
                    .toList(),
            found -> found.size() >= atLeast);
  }

  @Test
  void lists_the_open_tickets_by_age_and_those_nearest_their_deadline() throws Exception {
    String category = "AGE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Instant now = Instant.now();
    TicketOpened old = opened("C-1", "FAULT", category, "CN-SH", now.minus(Duration.ofDays(12)));
    TicketOpened middle = opened("C-1", "FAULT", category, "CN-SH", now.minus(Duration.ofDays(3)));
    TicketOpened fresh = opened("C-1", "FAULT", category, "CN-SH", now.minus(Duration.ofHours(2)));
    for (TicketOpened ticket : List.of(old, middle, fresh)) {
      publish(ticket, EventTypes.TICKET_OPENED, ticket);
    }
    publish(
        middle,
        EventTypes.TICKET_RESOLVED,
        new TicketResolved(
            middle.ticketId(),
            middle.ticketNumber(),
            "C-1",
            "B",
            "FAULT",
            category,
            "WEB",
            "network-ops",
            "Fixed",
            "agent-7",
            false,
            false,
            1,
            middle.openedAt(),
            middle.resolveBy(),
            now.minus(Duration.ofDays(1))));

    JsonNode backlog =
        awaitReport(
            "/api/analytics/backlog?groupBy=category&nearest=100",
            b -> {
              JsonNode group = find(b.path("groups"), "group", category);
              return group != null && group.path("open").asLong() == 2;
            });
    JsonNode group = find(backlog.path("groups"), "group", category);
    assertThat(group.path("underOneDay").asLong()).isEqualTo(1);
    assertThat(group.path("oneToFiveDays").asLong()).isZero();
    assertThat(group.path("overTenDays").asLong()).isEqualTo(1);
    assertThat(Instant.parse(group.path("oldestOpenedAt").asString()))
        .isEqualTo(old.openedAt().truncatedTo(ChronoUnit.MILLIS));
    List<Instant> due =
        backlog
            .path("nearestDeadlines")
            .valueStream()
            .map(ticket -> Instant.parse(ticket.path("resolveBy").asString()))
            .toList();
    assertThat(due).isSorted();
    assertThat(backlog.path("nearestDeadlines").findValuesAsString("ticketId"))
        .doesNotContain(middle.ticketId());
  }

  @Test
  void grades_a_department_against_its_targets_with_the_trend_and_ranks_it() throws Exception {
    String department = "dept-" + UUID.randomUUID().toString().substring(0, 6);
    Instant september = Instant.parse("2025-09-20T00:00:00Z");
    Instant october = Instant.parse("2025-10-15T00:00:00Z");
    for (int i = 0; i < 2; i++) {
      TicketOpened ticket = opened("FAULT", "WEB", "B", at(september, 8 + i));
      publish(ticket, EventTypes.TICKET_OPENED, ticket);
      publish(ticket, EventTypes.TICKET_RESOLVED, resolvedBy(ticket, department, i == 0));
    }
    for (int i = 0; i < 4; i++) {
      TicketOpened ticket = opened("FAULT", "WEB", "B", at(october, 8 + i));
      publish(ticket, EventTypes.TICKET_OPENED, ticket);
      publish(ticket, EventTypes.TICKET_RESOLVED, resolvedBy(ticket, department, false));
    }
    String targets =
        """
        {"targets":[
          {"kpi":"resolutionSla.shareMet","department":"%s","period":"month","target":0.95,"gradeB":0.9},
          {"kpi":"reopenRate","period":"month","target":0.05,"gradeB":0.1}]}"""
            .formatted(department);
    assertProblem(put("/api/analytics/targets", targets, TestTokens.supervisor()), 403);
    HttpResponse<String> stored = put("/api/analytics/targets", targets, TestTokens.admin());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    HttpResponse<String> unknownKpi =
        put(
            "/api/analytics/targets",
            "{\"targets\":[{\"kpi\":\"happiness\",\"period\":\"month\",\"target\":1,\"gradeB\":0}]}",
            TestTokens.admin());
    assertProblem(unknownKpi, 400);
    assertThat(json.readTree(unknownKpi.body()).path("errors").findValuesAsString("field"))
        .containsExactly("targets[0].kpi");
    HttpResponse<String> wrongSide =
        put(
            "/api/analytics/targets",
            "{\"targets\":[{\"kpi\":\"reopenRate\",\"period\":\"month\",\"target\":0.1,\"gradeB\":0.05}]}",
            TestTokens.admin());
    assertProblem(wrongSide, 400);
    assertThat(getJson("/api/analytics/targets").path("targets").size()).isEqualTo(2);

    String path =
        "/api/analytics/departments/" + department + "/scorecard?period=month&at=2025-10-15";
    JsonNode card =
        awaitReport(
            path,
            c ->
                c.path("lines")
                    .valueStream()
                    .anyMatch(
                        line ->
                            "resolutionSla.shareMet".equals(line.path("kpi").asString())
                                && line.path("value").asDouble() == 1.0
                                && line.path("previous").asDouble() == 0.5));
    JsonNode sla = find(card.path("lines"), "kpi", "resolutionSla.shareMet");
    assertThat(sla.path("trend").asString()).isEqualTo("better");
    assertThat(sla.path("grade").asString()).isEqualTo("A");
    JsonNode reopen = find(card.path("lines"), "kpi", "reopenRate");
    assertThat(reopen.path("value").asDouble()).isZero();
    assertThat(reopen.path("grade").asString()).isEqualTo("A");
    assertThat(card.path("points").asDouble()).isEqualTo(3.0);

    JsonNode ranking = getJson("/api/analytics/departments/ranking?period=month&at=2025-10-15");
    JsonNode ranked = find(ranking, "department", department);
    assertThat(ranked.path("rank").asInt()).isEqualTo(1);
    assertThat(ranked.path("a").asLong()).isEqualTo(2);

    assertProblem(get(path, TestTokens.department("billing")), 403);
    assertThat(get(path, TestTokens.department(department)).statusCode()).isEqualTo(200);
  }

  @Test
  void rates_the_complaints_on_the_customers_registered() throws Exception {
    for (int i = 0; i < 4; i++) {
      String customerId = unique("C");
      producer.send(
          event(
              Topics.CUSTOMERS,
              customerId,
              EventTypes.CUSTOMER_REGISTERED,
              new CustomerRegistered(
                  customerId,
                  "Customer " + i,
                  "INDIVIDUAL",
                  "B",
                  null,
                  "c" + i + "@example.com",
                  Instant.parse("2025-01-02T10:00:00Z"),
                  false)));
    }
    Instant day = Instant.parse("2025-11-03T00:00:00Z");
    for (int i = 0; i < 2; i++) {
      TicketOpened complaint = opened("COMPLAINT", "WEB", "B", at(day, 9 + i));
      publish(complaint, EventTypes.TICKET_OPENED, complaint);
    }

    JsonNode all =
        awaitGroup(
            "/api/analytics/kpis?from=2025-11-03&to=2025-11-04",
            "all",
            kpis ->
                kpis.path("complaintsOpened").asLong() == 2
                    && kpis.path("customers").asLong() >= 4);
    long customers = all.path("customers").asLong();
    assertThat(all.path("complaintsPer1000Customers").asDouble())
        .isEqualTo(Math.round(2000.0 / customers * 10_000) / 10_000.0);
    JsonNode byTier = report("/api/analytics/kpis?from=2025-11-03&to=2025-11-04&groupBy=tier");
    assertThat(group(byTier, 0, "B").path("customers").asLong()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void sums_days_into_weeks_and_months() throws Exception {
    TicketOpened monday = opened("FAULT", "SMS", "B", Instant.parse("2025-06-02T08:00:00Z"));
    TicketOpened sunday = opened("FAULT", "SMS", "B", Instant.parse("2025-06-08T20:00:00Z"));
    TicketOpened nextMonday = opened("FAULT", "SMS", "B", Instant.parse("2025-06-09T08:00:00Z"));
    for (TicketOpened ticket : new TicketOpened[] {monday, sunday, nextMonday}) {
      publish(ticket, EventTypes.TICKET_OPENED, ticket);
    }

    JsonNode weeks =
        awaitReport(
            "/api/analytics/kpis?from=2025-06-01&to=2025-06-16&bucket=week",
            report ->
                report.path("buckets").size() == 3
                    && group(report, 1, "all").path("ticketsOpened").asLong() == 2
                    && group(report, 2, "all").path("ticketsOpened").asLong() == 1);
    assertThat(weeks.path("buckets").get(0).path("start").asString())
        .isEqualTo("2025-05-26T00:00:00Z");
    assertThat(group(weeks, 1, "all").path("ticketsOpened").asLong()).isEqualTo(2);
    JsonNode months = report("/api/analytics/kpis?from=2025-06-01&to=2025-07-01&bucket=month");
    assertThat(months.path("buckets").size()).isEqualTo(1);
    assertThat(group(months, 0, "all").path("ticketsOpened").asLong()).isEqualTo(3);
  }

  @Test
  void refuses_bad_parameters_with_the_field_named() throws Exception {
    assertBadParameter("/api/analytics/kpis?bucket=fortnight", "bucket");
    assertBadParameter("/api/analytics/kpis?groupBy=customer", "groupBy");
    assertBadParameter("/api/analytics/kpis?from=yesterday", "from");
    assertBadParameter("/api/analytics/kpis?from=2025-03-05&to=2025-03-04", "from");
    assertBadParameter("/api/analytics/kpis?from=2024-01-01&to=2025-03-01&bucket=hour", "to");
  }

  @Test
  void shows_kpis_to_staff_only() throws Exception {
    assertThat(get("/api/analytics/kpis", TestTokens.agent()).statusCode()).isEqualTo(200);
    assertThat(get("/api/analytics/kpis", TestTokens.supervisor()).statusCode()).isEqualTo(200);
    assertThat(get("/api/analytics/kpis", TestTokens.admin()).statusCode()).isEqualTo(200);
    assertProblem(get("/api/analytics/kpis", null), 401);
    assertProblem(get("/api/analytics/kpis", TestTokens.customer("C-1")), 403);
    assertProblem(get("/api/analytics/kpis", TestTokens.department("billing")), 403);
  }

  @Test
  void publishes_todays_headline_kpis_and_how_soon_events_show_as_metrics() throws Exception {
    TicketOpened today = opened("FAULT", "WEB", "B", Instant.now());
    publish(today, EventTypes.TICKET_OPENED, today);
    // A warning to network operations: its department's gauges show it.
    TicketEscalated warned = escalated(today, 1, 75, Instant.now());
    publish(today, EventTypes.TICKET_ESCALATED, warned);
    awaitReport(
        "/api/analytics/kpis?bucket=hour&groupBy=department&from="
            + Instant.now().truncatedTo(ChronoUnit.HOURS)
            + "&to="
            + Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)),
        report -> group(report, 0, "network-ops").path("slaWarnings").asLong() >= 1);

    // A department's gauges are registered with its first figures, and a scrape reads today's
    // figures at most every 10 s.
    Pattern warnings =
        Pattern.compile(
            "crossdesk_analytics_today_by_department\\{department=\"network-ops\","
                + "kpi=\"slaWarnings\"[^}]*} [1-9]");
    String metrics =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> get("/actuator/prometheus", null).body(),
                body -> warnings.matcher(body).find());
    assertThat(metrics)
        .containsPattern("crossdesk_analytics_today\\{kpi=\"ticketsOpened\"[^}]*} [1-9]")
        .contains("crossdesk_analytics_kpi_visible_seconds_count");
  }

  @Test
  void the_wallboard_streams_todays_board_again_when_a_ticket_arrives() throws Exception {
    String supervisor = TestTokens.supervisor();
    long before = wallboard("", supervisor).path("figures").path("opened").asLong();
    BlockingQueue<JsonNode> boards = new LinkedBlockingQueue<>();
    CompletableFuture<HttpResponse<Stream<String>>> stream =
        http.sendAsync(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/analytics/wallboard/stream"))
                .header("Authorization", supervisor)
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> answer = stream.get(30, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    Thread reader =
        new Thread(
            () ->
                answer
                    .body()
                    .filter(line -> line.startsWith("data:"))
                    .forEach(line -> boards.add(json.readTree(line.substring(5)).path("board"))),
            "wallboard-stream");
    reader.setDaemon(true);
    reader.start();
    try {
      // The board as it is, at once.
      JsonNode first = boards.poll(30, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(first.path("figures").path("opened").asLong()).isGreaterThanOrEqualTo(before);
      assertThat(first.path("byChannel").path("days").size()).isEqualTo(14);

      TicketOpened ticket = opened("FAULT", "APP", "A", Instant.now());
      publish(ticket, EventTypes.TICKET_OPENED, ticket);

      // Sent again, unasked, once the ticket counts: today's figures and the app's trend.
      List<JsonNode> seen = new ArrayList<>();
      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                boards.drainTo(seen);
                return !seen.isEmpty()
                    && today(seen.get(seen.size() - 1), "APP") >= today(first, "APP") + 1;
              });
      JsonNode latest = seen.get(seen.size() - 1);
      assertThat(latest.path("figures").path("opened").asLong()).isGreaterThanOrEqualTo(before + 1);
      assertThat(latest.path("today").asString()).isEqualTo(first.path("today").asString());
    } finally {
      reader.interrupt();
      answer.body().close();
    }
  }

  @Test
  void department_staff_watch_their_own_departments_board_only() throws Exception {
    JsonNode billing = wallboard("", TestTokens.department("billing"));
    assertThat(billing.path("department").asString()).isEqualTo("billing");
    assertThat(
            wallboard("?department=billing", TestTokens.department("billing"))
                .path("department")
                .asString())
        .isEqualTo("billing");
    assertProblem(
        get("/api/analytics/wallboard?department=network-ops", TestTokens.department("billing")),
        403);
    assertThat(
            wallboard("?department=network-ops", TestTokens.supervisor())
                .path("department")
                .asString())
        .isEqualTo("network-ops");
    assertThat(wallboard("", TestTokens.supervisor()).path("department").isNull()).isTrue();
    assertProblem(get("/api/analytics/wallboard", TestTokens.customer("C-1")), 403);
    assertProblem(get("/api/analytics/wallboard/stream", null), 401);
    assertBadParameter("/api/analytics/wallboard?department=$where", "department");
  }

  @Test
  void serves_the_wallboard_page_and_its_charting_library_without_a_token() throws Exception {
    HttpResponse<String> page = get("/wallboard/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("lib/echarts.min.js", "wallboard.js", "messages.js");
    HttpResponse<String> redirect = get("/wallboard", null);
    assertThat(redirect.statusCode()).isEqualTo(302);
    // Relative, so that it holds behind the gateway.
    assertThat(redirect.headers().firstValue("Location")).hasValue("/wallboard/");
    for (String asset :
        List.of("wallboard.js", "messages.js", "wallboard.css", "lib/echarts.min.js")) {
      assertThat(get("/wallboard/" + asset, null).statusCode()).as(asset).isEqualTo(200);
    }
    assertThat(get("/wallboard/lib/echarts.min.js", null).body()).contains("echarts");
  }

  /** Tickets opened today through {@code channel}, as a board's channel trend shows them. */
  private static long today(JsonNode board, String channel) {
    return board.path("byChannel").path("groups").path(channel).path("opened").path(13).asLong();
  }

  private JsonNode wallboard(String query, String bearer) throws Exception {
    HttpResponse<String> response = get("/api/analytics/wallboard" + query, bearer);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).path("board");
  }

  @Test
  void reports_its_health_without_a_token() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(health.body());
    assertThat(body.path("status").asString()).isEqualTo("UP");
    assertThat(body.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
    assertThat(body.path("components").path("kpiEngine").path("status").asString()).isEqualTo("UP");
  }

  private void assertBadParameter(String path, String field) throws Exception {
    HttpResponse<String> response = get(path, TestTokens.supervisor());
    assertProblem(response, 400);
    assertThat(json.readTree(response.body()).path("errors").findValuesAsString("field"))
        .as(path)
        .containsExactly(field);
  }

  private static TicketOpened opened(
      String customerId, String type, String category, String region, Instant at) {
    String ticketId = unique("T");
    return new TicketOpened(
        ticketId,
        customerId,
        "B",
        "WEB",
        category,
        "NORMAL",
        "Request " + ticketId,
        null,
        "agent-7",
        null,
        null,
        at,
        at.plus(Duration.ofHours(4)),
        "CD-" + ticketId,
        type,
        null,
        null,
        region);
  }

  private static TicketOpened opened(String type, String channel, String tier, Instant at) {
    String ticketId = unique("T");
    return new TicketOpened(
        ticketId,
        "C-1",
        tier,
        channel,
        "NETWORK",
        "NORMAL",
        "Request " + ticketId,
        null,
        "agent-7",
        null,
        null,
        at,
        at.plus(Duration.ofHours(4)),
        "CD-" + ticketId,
        type,
        null,
        null,
        "CN-SH");
  }

  private static TicketResolved resolved(
      TicketOpened ticket, int hour, boolean breached, boolean firstContact, int round) {
    Instant day = ticket.openedAt().truncatedTo(ChronoUnit.DAYS);
    return new TicketResolved(
        ticket.ticketId(),
        ticket.ticketNumber(),
        ticket.customerId(),
        ticket.customerTier(),
        ticket.ticketType(),
        ticket.category(),
        ticket.channel(),
        "billing",
        "Refunded",
        "agent-7",
        firstContact,
        breached,
        round,
        ticket.openedAt(),
        ticket.resolveBy(),
        at(day, hour),
        // Answered half an hour after opening; an hour of each resolution fell outside business
        // hours.
        round == 1 ? ticket.openedAt().plusSeconds(1800) : null,
        round == 1 ? Boolean.FALSE : null,
        round == 1 ? 1800L : null,
        at(day, hour).getEpochSecond() - ticket.openedAt().getEpochSecond() - 3600);
  }

  private static SatisfactionRecorded rated(TicketOpened ticket, int score, Instant at) {
    return new SatisfactionRecorded(
        ticket.ticketId(),
        ticket.ticketNumber(),
        ticket.customerId(),
        ticket.ticketType(),
        ticket.category(),
        null,
        score,
        null,
        1,
        "c-1",
        at);
  }

  private static TicketEscalated escalated(
      TicketOpened ticket, int level, int percent, Instant at) {
    return new TicketEscalated(
        ticket.ticketId(),
        ticket.ticketNumber(),
        ticket.customerId(),
        ticket.customerTier(),
        ticket.category(),
        ticket.priority(),
        level,
        "RESOLUTION_TARGET",
        percent,
        "agent-7",
        "network-ops",
        ticket.resolveBy(),
        at);
  }

  private static WorkOrderStepCompleted completed(
      String workOrderId,
      String ticketId,
      String stepId,
      String kind,
      String department,
      Instant readyAt,
      Instant completedAt,
      boolean breached) {
    return new WorkOrderStepCompleted(
        workOrderId,
        ticketId,
        "C-1",
        stepId,
        stepId,
        kind,
        department,
        "DONE",
        null,
        "s-1",
        completedAt,
        readyAt,
        readyAt.plus(Duration.ofHours(8)),
        completedAt.getEpochSecond() - readyAt.getEpochSecond(),
        breached,
        null,
        1);
  }

  private void publishWorkOrder(String workOrderId, String type, Record data) {
    producer.send(event(Topics.WORKORDERS, workOrderId, type, data));
  }

  private static TicketResolved resolvedBy(
      TicketOpened ticket, String department, boolean breached) {
    return new TicketResolved(
        ticket.ticketId(),
        ticket.ticketNumber(),
        ticket.customerId(),
        ticket.customerTier(),
        ticket.ticketType(),
        ticket.category(),
        ticket.channel(),
        department,
        "Done",
        "agent-7",
        false,
        breached,
        1,
        ticket.openedAt(),
        ticket.resolveBy(),
        ticket.openedAt().plusSeconds(3600));
  }

  private static Instant at(Instant day, int hour) {
    return day.plusSeconds(hour * 3600L);
  }

  private void publish(TicketOpened ticket, String type, Record data) {
    producer.send(event(Topics.TICKETS, ticket.ticketId(), type, data));
  }

  /** An event whose data satisfies its contract, checked here so no test sends junk by mistake. */
  private ProducerRecord<String, String> event(String topic, String key, String type, Record data) {
    String body = json.writeValueAsString(data);
    assertThat(EventSchemas.violations(EventCatalogue.byType(type).orElseThrow(), body))
        .as(type)
        .isEmpty();
    return CloudEventsProducer.event(topic, key, type, body);
  }

  private JsonNode awaitGroup(String path, String group, Predicate<JsonNode> done) {
    JsonNode report = awaitReport(path, r -> done.test(group(r, 0, group)));
    return group(report, 0, group);
  }

  private JsonNode awaitReport(String path, Predicate<JsonNode> done) {
    JsonNode[] latest = new JsonNode[1];
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              latest[0] = report(path);
              return done.test(latest[0]);
            });
    return latest[0];
  }

  private static JsonNode group(JsonNode report, int bucket, String group) {
    for (JsonNode one : report.path("buckets").path(bucket).path("groups")) {
      if (group.equals(one.path("group").asString())) {
        return one.path("kpis");
      }
    }
    return json().missingNode();
  }

  private static JsonMapper json() {
    return JsonMapper.builder().build();
  }

  private JsonNode getJson(String path) throws IOException, InterruptedException {
    return report(path);
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    return list.valueStream()
        .filter(item -> value.equals(item.path(field).asString()))
        .findFirst()
        .orElse(null);
  }

  private HttpResponse<String> put(String path, String body, String bearer)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", bearer)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String bearer)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", bearer)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode report(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path, TestTokens.supervisor());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> get(String path, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A first-round work order routed into one task step that is due, and expected done, at {@code
   * due}; the optional fields analytics does not read are left out.
   */
  private static WorkOrderRouted routedToTask(
      String workOrderId,
      String ticketId,
      String customerId,
      String category,
      String department,
      String routingRule,
      Instant routedAt,
      Instant ticketOpenedAt,
      String stepId,
      String stepName,
      String departmentName,
      Instant due) {
    return new WorkOrderRouted(
        workOrderId,
        ticketId,
        customerId,
        category,
        department,
        routingRule,
        routedAt,
        ticketOpenedAt,
        stepId,
        stepName,
        "TASK",
        departmentName,
        due,
        due,
        1,
        false,
        null,
        null,
        null,
        null,
        null);
  }
}
