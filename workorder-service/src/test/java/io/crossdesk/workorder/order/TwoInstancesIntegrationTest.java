package io.crossdesk.workorder.order;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.ConsumerGroups;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.OffsetClock;
import io.crossdesk.testsupport.TestInfrastructureInitializer;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.workorder.WorkOrderServiceApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two workorder-service instances on one store and one broker, as production scales out: each
 * escalation level of each step is announced once, whichever instance's timer fires, and each step
 * result is applied once however often it is delivered.
 *
 * <p>The class has a test context of its own, one that consumes nothing: switching to it pauses the
 * cached context of the class before, which is in the same consumer groups and would otherwise take
 * some of the ticket events and step results.
 */
@CrossdeskIntegrationTest
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class TwoInstancesIntegrationTest {

  private static final OffsetClock CLOCK = new OffsetClock();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration ASYNC = Duration.ofSeconds(60);
  private static final int COMPLAINTS = 8;

  private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
  private static CloudEventsProducer producer;
  private static TopicRecorder recorder;

  @BeforeAll
  static void startTwoInstances() {
    String database = "test-two-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 2; i++) {
      INSTANCES.add(instance(database));
    }
    producer = CloudEventsProducer.forTestBroker();
    recorder = TopicRecorder.of(Topics.WORKORDERS);
  }

  @AfterAll
  static void stop() {
    INSTANCES.forEach(ConfigurableApplicationContext::close);
    producer.close();
    recorder.close();
  }

  private static ConfigurableApplicationContext instance(String database) {
    return new SpringApplicationBuilder(WorkOrderServiceApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
        .run(TestInfrastructureInitializer.arguments(database, "--server.port=0"));
  }

  @Test
  void each_escalation_is_announced_once_and_each_step_result_applied_once() {
    List<String> workOrders = openComplaints();

    // Network operations works around the clock: 16 h to resolve, so 75 %, 100 % and 150 %.
    CLOCK.advance(Duration.ofHours(12).plusMinutes(1));
    awaitEscalated(workOrders, 1);
    CLOCK.advance(Duration.ofHours(4));
    awaitEscalated(workOrders, 2);
    CLOCK.advance(Duration.ofHours(8));
    awaitEscalated(workOrders, 3);

    // A publish repeated (the outbox publishes at least once) repeats an event id; a second firing
    // would have made a new one.
    Map<String, Set<String>> escalations =
        eventIds(
            EventTypes.WORKORDER_ESCALATED, workOrders, record -> "@" + field(record, "level"));
    assertThat(escalations)
        .hasSize(COMPLAINTS * 3)
        .allSatisfy((workOrderAndLevel, ids) -> assertThat(ids).hasSize(1));

    List<RecordMetadata> positions = new ArrayList<>();
    for (String workOrder : workOrders) {
      ProducerRecord<String, String> result = stepResult(workOrder);
      positions.add(producer.send(result));
      positions.add(producer.send(result));
    }
    for (RecordMetadata position : positions) {
      ConsumerGroups.awaitConsumed("workorder-service.step-results", position, ASYNC);
    }

    Awaitility.await()
        .atMost(ASYNC)
        .untilAsserted(
            () ->
                assertThat(eventIds(EventTypes.WORKORDER_STEP_COMPLETED, workOrders, record -> ""))
                    .hasSize(COMPLAINTS));
    assertThat(eventIds(EventTypes.WORKORDER_STEP_COMPLETED, workOrders, record -> ""))
        .allSatisfy((workOrder, ids) -> assertThat(ids).hasSize(1));
    for (String workOrder : workOrders) {
      JsonNode order = workOrder(workOrders.indexOf(workOrder) % 2, workOrder);
      assertThat(order.get("history").findValuesAsString("action"))
          .filteredOn("completed"::equals)
          .hasSize(1);
    }
  }

  private List<String> openComplaints() {
    Set<String> tickets = new HashSet<>();
    for (int i = 0; i < COMPLAINTS; i++) {
      TicketOpened ticket =
          WorkOrderIntegrationSupport.ticket(
              "COMPLAINT", "NETWORK", "Dropped calls " + UUID.randomUUID(), "B");
      tickets.add(ticket.ticketId());
      producer.publish(
          Topics.TICKETS,
          ticket.ticketId(),
          EventTypes.TICKET_OPENED,
          JSON.writeValueAsString(ticket));
    }
    // One work order per ticket, routed once: a routing published twice repeats its event id.
    Map<String, Set<String>> routings = new LinkedHashMap<>();
    Awaitility.await()
        .atMost(ASYNC)
        .untilAsserted(
            () -> {
              routings.clear();
              recorder.all(TopicRecorder.ofType(EventTypes.WORKORDER_ROUTED)).stream()
                  .filter(record -> tickets.contains(field(record, "ticketId")))
                  .forEach(
                      record ->
                          routings
                              .computeIfAbsent(record.key(), key -> new HashSet<>())
                              .add(header(record, "ce_id")));
              assertThat(routings).hasSize(COMPLAINTS);
            });
    assertThat(routings).allSatisfy((workOrder, ids) -> assertThat(ids).hasSize(1));
    return List.copyOf(routings.keySet());
  }

  private void awaitEscalated(List<String> workOrders, int level) {
    Awaitility.await()
        .atMost(ASYNC)
        .untilAsserted(
            () ->
                assertThat(
                        eventIds(
                            EventTypes.WORKORDER_ESCALATED,
                            workOrders,
                            record -> "@" + field(record, "level")))
                    .containsKeys(
                        workOrders.stream().map(id -> id + "@" + level).toArray(String[]::new)));
  }

  /** The distinct ids of the events of {@code type} for our work orders, grouped by {@code by}. */
  private static Map<String, Set<String>> eventIds(
      String type, List<String> workOrders, Function<ConsumerRecord<String, String>, String> by) {
    Set<String> ours = Set.copyOf(workOrders);
    return recorder.all(TopicRecorder.ofType(type)).stream()
        .filter(record -> ours.contains(record.key()))
        .collect(
            Collectors.groupingBy(
                record -> record.key() + by.apply(record),
                Collectors.mapping(record -> header(record, "ce_id"), Collectors.toSet())));
  }

  private static ProducerRecord<String, String> stepResult(String workOrder) {
    return CloudEventsProducer.event(
        Topics.WORKORDER_RESULTS,
        workOrder,
        EventTypes.WORKORDER_STEP_RESULT,
        "{\"workOrderId\":\""
            + workOrder
            + "\",\"stepId\":\"resolve\",\"outcome\":\"DONE\",\"resolution\":\"Replaced the"
            + " cell card\",\"rootCause\":\"NETWORK\",\"performedBy\":\"noc-system\"}");
  }

  private static String field(ConsumerRecord<String, String> record, String name) {
    return JSON.readTree(record.value()).path(name).asString();
  }

  private static JsonNode workOrder(int instance, String id) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri(instance, "/api/workorders/" + id))
                  .header("Authorization", TestTokens.supervisor())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static URI uri(int instance, String path) {
    int port = ((WebServerApplicationContext) INSTANCES.get(instance)).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
