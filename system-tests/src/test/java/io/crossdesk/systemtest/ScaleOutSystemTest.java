package io.crossdesk.systemtest;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.systemtest.GatewayClient.Response;
import io.crossdesk.testsupport.TopicRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ticket-service, workorder-service, notification-service and analytics-service each run as two
 * instances against one broker and one store. Another system streams requests in; mid-stream one
 * instance of each of the four is killed as kill -9 would (no shutdown, no offset commit, leases
 * and claims left behind). Every request still becomes one ticket routed once, each of its SLA
 * thresholds fires once, nobody hears anything twice, and the KPIs count each ticket and each
 * warning exactly once.
 */
@ExtendWith(SharedSystem.class)
class ScaleOutSystemTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<String> SCALED =
      List.of("ticket-service", "workorder-service", "notification-service", "analytics-service");

  /** Requests sent after the crashes; the stream stops there. */
  private static final int AFTER_KILL = 60;

  /** A bound on the requests before the crashes, should the replicas never take any work. */
  private static final int MAX_REQUESTS = 2_000;

  /** Thresholds at 10, 20 and 30% of a one-minute target: levels 1-3 at 6, 12 and 18 s. */
  private static final List<Integer> THRESHOLDS = List.of(10, 20, 30);

  @Test
  void every_request_is_handled_once_when_one_instance_of_each_scaled_service_is_killed()
      throws Exception {
    RunningSystem system = SharedSystem.system();
    GatewayClient gateway = SharedSystem.gateway();
    Desk desk = new Desk(gateway);
    String agent = desk.agent();
    String admin = gateway.token("{\"sub\":\"scale-admin\",\"roles\":[\"ADMIN\"]}");

    // A category of this test's own, so the KPIs grouped by category count its tickets alone.
    String category = "SCALE_" + letters(UUID.randomUUID().toString().substring(0, 8));
    Response created =
        gateway.put(
            "/api/tickets/categories/" + category,
            """
            {"nameZh":"扩容测试","nameEn":"Scale-out test","defaultType":"SUGGESTION",
             "defaultPriority":"LOW"}""",
            admin);
    assertThat(created.status()).as(created.body()).isIn(200, 201);
    JsonNode before = gateway.get("/api/tickets/sla-policy", agent).json();
    String minuteRow =
        "{\"tier\":\"C\",\"priority\":\"LOW\",\"type\":\"SUGGESTION\","
            + "\"firstResponseMinutes\":1,\"resolutionMinutes\":1}";
    desk.putSlaPolicy(
        before,
        before.get("targets").toString().replaceFirst("^\\[", "[" + minuteRow + ","),
        THRESHOLDS.toString(),
        admin);

    List<String> replicas = SCALED.stream().map(s -> RunningSystem.instance(s, 2)).toList();
    try {
      system.startAll(replicas);
      List<String> customers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        customers.add(desk.registerCustomer("Scale Customer " + i, "INDIVIDUAL", "C"));
      }
      Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS);

      // 20 requests a second, through the crashes: the stream goes on until AFTER_KILL requests
      // have followed them.
      List<String> externalIds = new CopyOnWriteArrayList<>();
      AtomicInteger last = new AtomicInteger(MAX_REQUESTS);
      CompletableFuture<Void> streamed = new CompletableFuture<>();
      KafkaProducer<String, String> producer = SharedSystem.producer();
      ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
      sender.scheduleAtFixedRate(
          () -> {
            int next = externalIds.size();
            if (next >= last.get()) {
              streamed.complete(null);
              return;
            }
            String externalId = "SCALE-" + next + "-" + UUID.randomUUID();
            producer.send(request(externalId, customers.get(next % customers.size()), category));
            externalIds.add(externalId);
          },
          0,
          50,
          TimeUnit.MILLISECONDS);
      // Killed once each replica has taken a share of the work, so its crash loses something.
      await()
          .atMost(TIMEOUT)
          .until(() -> replicas.stream().allMatch(replica -> handled(system, replica) > 0));
      replicas.forEach(system::kill);
      int sentAtKill = externalIds.size();
      last.set(sentAtKill + AFTER_KILL);
      streamed.get(1, TimeUnit.MINUTES);
      sender.shutdown();
      assertThat(sentAtKill).as("requests before the crashes").isPositive();
      int requests = externalIds.size();
      assertThat(requests).as("requests after the crashes").isEqualTo(sentAtKill + AFTER_KILL);

      // Every request is one ticket, routed, and up one level at each threshold: read a page at
      // a time (the test's category holds its tickets alone) until all are there.
      List<JsonNode> tickets =
          await()
              .atMost(TIMEOUT)
              .until(
                  () -> ticketsOf(gateway, agent, category),
                  all ->
                      all.size() >= requests
                          && all.stream()
                              .allMatch(
                                  t ->
                                      escalations(t) >= THRESHOLDS.size()
                                          && t.hasNonNull("workOrderId")));
      assertThat(tickets)
          .extracting(t -> t.get("externalId").asString())
          .as("one ticket per request")
          .containsExactlyInAnyOrderElementsOf(externalIds);
      List<String> ticketIds = new ArrayList<>();
      for (JsonNode ticket : tickets) {
        String ticketId = ticket.get("id").asString();
        ticketIds.add(ticketId);
        List<String> timeline = ticket.get("timeline").findValuesAsString("type");
        assertThat(timeline).as("timeline of %s", ticketId).containsOnlyOnce("OPENED", "ROUTED");
        assertThat(escalations(ticket)).as("escalations of %s", ticketId).isEqualTo(3);
      }

      // Published once each: a replayed event keeps its id, so consumers drop the copy; a second
      // id would be a second decision (a second work order, a threshold fired twice).
      try (TopicRecorder recorder =
          new TopicRecorder(system.kafkaBootstrapServers(), Topics.TICKETS, Topics.WORKORDERS)) {
        List<ConsumerRecord<String, String>> published = recorder.all(record -> true);
        for (String ticketId : ticketIds) {
          assertThat(eventIds(published, EventTypes.TICKET_OPENED, ticketId))
              .as("TicketOpened of %s", ticketId)
              .hasSize(1);
          assertThat(eventIds(published, EventTypes.WORKORDER_ROUTED, ticketId))
              .as("WorkOrderRouted of %s", ticketId)
              .hasSize(1);
          Map<Integer, Set<String>> escalatedByLevel = new HashMap<>();
          for (ConsumerRecord<String, String> record : published) {
            if (EventTypes.TICKET_ESCALATED.equals(header(record, "ce_type"))
                && record.value().contains(ticketId)) {
              escalatedByLevel
                  .computeIfAbsent(
                      JSON.readTree(record.value()).get("level").asInt(), any -> new HashSet<>())
                  .add(header(record, "ce_id"));
            }
          }
          assertThat(escalatedByLevel)
              .as("TicketEscalated of %s, by level", ticketId)
              .containsOnlyKeys(1, 2, 3)
              .allSatisfy((level, ids) -> assertThat(ids).hasSize(1));
        }
      }

      // Nobody hears anything twice: per ticket, one message per event, recipient and channel,
      // and a warning at each of the three thresholds.
      for (String ticketId : ticketIds) {
        JsonNode sentFor =
            await()
                .atMost(TIMEOUT)
                .until(
                    () -> gateway.get("/api/notifications?ticketId=" + ticketId, agent).json(),
                    log ->
                        warnings(log) >= THRESHOLDS.size()
                            && count(log, "ticket-received") >= 1
                            && count(log, "ticket-passed-to-department") >= 1);
        List<String> deliveries = new ArrayList<>();
        Set<String> warnings = new HashSet<>();
        for (JsonNode message : items(sentFor)) {
          deliveries.add(
              message.path("eventId").asString()
                  + " "
                  + message.path("recipientType").asString()
                  + " "
                  + message.path("recipientKey").asString()
                  + " "
                  + message.path("channel").asString());
          if ("sla-warning".equals(message.path("template").asString())) {
            warnings.add(message.path("eventId").asString());
          }
        }
        assertThat(deliveries).as("messages about %s", ticketId).doesNotHaveDuplicates();
        // A threshold passed before the ticket reached its department (a request that waited
        // for its partition to move off the killed instance) warns only its owner.
        assertThat(warnings).as("warnings about %s: %s", ticketId, sentFor).hasSize(3);
      }

      // The KPIs count each ticket and each warning once.
      String kpis =
          "/api/analytics/kpis?bucket=hour&groupBy=category&from="
              + from
              + "&to="
              + from.plus(3, ChronoUnit.HOURS);
      await()
          .atMost(TIMEOUT)
          .until(
              () -> kpi(gateway.get(kpis, agent).json(), category, "slaWarnings"),
              warnings -> warnings >= 3L * requests);
      JsonNode figures = gateway.get(kpis, agent).json();
      assertThat(kpi(figures, category, "ticketsOpened")).isEqualTo(requests);
      assertThat(kpi(figures, category, "slaWarnings")).isEqualTo(3L * requests);
    } finally {
      replicas.forEach(system::stop);
      desk.putSlaPolicy(
          before,
          before.get("targets").toString(),
          before.get("escalationPercents").toString(),
          admin);
    }
  }

  /** Hex digits as letters: category codes are upper-case words. */
  private static String letters(String hex) {
    StringBuilder word = new StringBuilder();
    hex.chars().forEach(c -> word.append((char) ('A' + Character.digit(c, 16))));
    return word.toString();
  }

  /**
   * What an instance has handled so far, by its own metrics: events its consumers took, or for
   * analytics the events its engine counted.
   */
  private static double handled(RunningSystem system, String instance) {
    String metric =
        instance.startsWith("analytics-service")
            ? "crossdesk_analytics_kpi_visible_seconds_count"
            : "crossdesk_events_consumed_total";
    String text;
    try {
      text =
          HTTP.send(
                  HttpRequest.newBuilder(
                          URI.create(system.serviceUrl(instance) + "/actuator/prometheus"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return text.lines()
        .filter(line -> line.startsWith(metric))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Every ticket of the category, page by page. */
  private static List<JsonNode> ticketsOf(GatewayClient gateway, String agent, String category) {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer =
          gateway
              .get(
                  "/api/tickets?size=100&sort=OLDEST&category=" + category + "&page=" + page, agent)
              .json();
      answer.path("items").forEach(all::add);
      if (!answer.path("hasNext").asBoolean()) {
        return all;
      }
    }
  }

  private static int escalations(JsonNode ticket) {
    return (int)
        ticket.get("timeline").findValuesAsString("type").stream()
            .filter("ESCALATED"::equals)
            .count();
  }

  private static List<JsonNode> items(JsonNode log) {
    JsonNode items = log.isArray() ? log : log.path("items");
    List<JsonNode> all = new ArrayList<>();
    items.forEach(all::add);
    return all;
  }

  /** The TicketEscalated events warned of: one per threshold passed. */
  private static long warnings(JsonNode log) {
    return items(log).stream()
        .filter(message -> "sla-warning".equals(message.path("template").asString()))
        .map(message -> message.path("eventId").asString())
        .distinct()
        .count();
  }

  private static long count(JsonNode log, String template) {
    return items(log).stream()
        .filter(message -> template.equals(message.path("template").asString()))
        .count();
  }

  /** The sum of one KPI for one group over every period of the answer. */
  private static long kpi(JsonNode answer, String group, String name) {
    long sum = 0;
    for (JsonNode bucket : answer.path("buckets")) {
      for (JsonNode line : bucket.path("groups")) {
        if (group.equals(line.path("group").asString())) {
          sum += line.path("kpis").path(name).asLong();
        }
      }
    }
    return sum;
  }

  private static Set<String> eventIds(
      List<ConsumerRecord<String, String>> published, String type, String ticketId) {
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<String, String> record : published) {
      if (type.equals(header(record, "ce_type")) && record.value().contains(ticketId)) {
        ids.add(header(record, "ce_id"));
      }
    }
    return ids;
  }

  private static ProducerRecord<String, String> request(
      String externalId, String customerId, String category) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            Topics.INTAKE,
            externalId,
            """
            {"sourceSystem":"oss","externalId":"%s","customerId":"%s","channel":"SYSTEM",
             "category":"%s","priority":"LOW","title":"Suggestion from the OSS",
             "description":"Raised by the OSS"}"""
                .formatted(externalId, customerId, category));
    withHeader(record, "ce_specversion", "1.0");
    withHeader(record, "ce_id", UUID.randomUUID().toString());
    withHeader(record, "ce_source", "/oss");
    withHeader(record, "ce_type", EventTypes.TICKET_REQUESTED);
    withHeader(record, "ce_time", Instant.now().toString());
    withHeader(record, "content-type", "application/json");
    return record;
  }

  private static void withHeader(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
