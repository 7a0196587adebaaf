package io.crossdesk.workorder.order;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static io.crossdesk.workorder.order.WorkOrderIntegrationSupport.PATIENCE;
import static io.crossdesk.workorder.order.WorkOrderIntegrationSupport.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.workorder.order.application.WorkOrderMoves;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Steps moved over REST by department staff and by department systems' step results on the real
 * broker, with the events each move publishes.
 */
@CrossdeskIntegrationTest
class WorkOrderStepsIntegrationTest {

  private static final String FIELD = TestTokens.department("field-service");
  private static final String NETWORK = TestTokens.department("network-ops");
  private static final String BILLING = TestTokens.department("billing");
  private static final String SERVICE = TestTokens.department("service-center");

  private static CloudEventsProducer producer;
  private static TopicRecorder recorder;

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @MockitoSpyBean WorkOrderMoves moves;

  private WorkOrderIntegrationSupport it;

  @BeforeAll
  static void connect() {
    producer = CloudEventsProducer.forTestBroker();
    recorder = TopicRecorder.of(Topics.WORKORDERS, Topics.deadLetterOf(Topics.WORKORDER_RESULTS));
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
  void a_fault_moves_from_field_service_to_network_ops_to_the_call_back_and_completes()
      throws Exception {
    String id = faultRepair();

    it.ok(step(id, "repair", "claim", FIELD, null));
    it.ok(step(id, "repair", "start", FIELD, null));
    JsonNode started = it.awaitEvent(EventTypes.WORKORDER_STEP_STARTED, id, e -> true);
    assertThat(started.get("startedBy").asString()).isEqualTo("staff-field-service");
    it.ok(step(id, "repair", "complete", FIELD, "{\"notes\":\"Replaced the fibre splice\"}"));

    JsonNode completed =
        it.awaitEvent(
            EventTypes.WORKORDER_STEP_COMPLETED,
            id,
            e -> e.get("stepId").asString().equals("repair"));
    assertThat(completed.get("department").asString()).isEqualTo("field-service");
    assertThat(completed.get("breached").asBoolean()).isFalse();
    JsonNode verification =
        it.awaitEvent(
            EventTypes.WORKORDER_ROUTED,
            id,
            e -> "verification".equals(e.get("stepId").asString()));
    assertThat(verification.get("department").asString()).isEqualTo("network-ops");

    finishStep(id, "verification", NETWORK, "{\"notes\":\"Service verified\"}");
    finishStep(id, "call-back", SERVICE, "{\"outcome\":\"SATISFIED\"}");

    JsonNode done = it.awaitEvent(EventTypes.WORKORDER_COMPLETED, id, e -> true);
    assertThat(done.get("resolution").asString()).isEqualTo("Service verified");
    assertThat(done.get("department").asString()).isEqualTo("network-ops");
    JsonNode order = it.ok(it.get("/api/workorders/" + id, TestTokens.supervisor()));
    assertThat(order.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(order.get("history").findValuesAsString("action"))
        .contains("claimed", "started", "completed", "ready");
  }

  @Test
  void billing_staff_can_neither_see_nor_move_a_network_ops_step() throws Exception {
    String id = faultRepair();
    finishStep(id, "repair", FIELD, "{}");

    it.assertProblem(it.get("/api/workorders/" + id, BILLING), 404);
    it.assertProblem(step(id, "verification", "claim", BILLING, null), 404);
    it.assertProblem(step(id, "verification", "complete", BILLING, "{}"), 404);
    it.assertProblem(it.get("/api/workorders?department=network-ops", BILLING), 403);
    it.assertProblem(step(id, "verification", "claim", TestTokens.agent(), null), 403);

    // Network operations sees only its own step of the work order, and it is unchanged.
    JsonNode seen = it.ok(it.get("/api/workorders/" + id, NETWORK));
    assertThat(seen.get("steps").findValuesAsString("id")).containsExactly("verification");
    assertThat(seen.get("steps").get(0).get("status").asString()).isEqualTo("READY");
  }

  @Test
  void of_two_people_claiming_the_same_step_at_once_one_wins_and_the_other_gets_409()
      throws Exception {
    String id = faultRepair();
    // Both requests read the work order and start deciding before either writes: the race,
    // forced. Every decision asks for the time once, after the read.
    CyclicBarrier bothRead = new CyclicBarrier(2);
    AtomicInteger reads = new AtomicInteger();
    doAnswer(
            invocation -> {
              if (reads.incrementAndGet() <= 2) {
                bothRead.await(10, TimeUnit.SECONDS);
              }
              return invocation.callRealMethod();
            })
        .when(moves)
        .now();
    String ana =
        TestTokens.bearer(
            "ana", List.of("DEPARTMENT"), java.util.Map.of("department", "field-service"));
    String bo =
        TestTokens.bearer(
            "bo", List.of("DEPARTMENT"), java.util.Map.of("department", "field-service"));

    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(() -> quietly(() -> step(id, "repair", "claim", ana, null)));
    CompletableFuture<HttpResponse<String>> second =
        CompletableFuture.supplyAsync(() -> quietly(() -> step(id, "repair", "claim", bo, null)));

    List<Integer> statuses =
        List.of(
            first.get(30, TimeUnit.SECONDS).statusCode(),
            second.get(30, TimeUnit.SECONDS).statusCode());
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    assertThat(reads.get()).isGreaterThanOrEqualTo(3);
    JsonNode queue =
        it.ok(it.get("/api/workorders?ticketId=" + ticketOf(id) + "&status=CLAIMED", FIELD));
    assertThat(queue.get("items").findValuesAsString("assignee")).singleElement().isIn("ana", "bo");
  }

  @Test
  void lists_a_department_queue_by_due_time_with_filters_and_pages() throws Exception {
    String a = faultRepair();
    String b = faultRepair();
    it.ok(step(b, "repair", "claim", FIELD, null));

    JsonNode ready =
        it.ok(it.get("/api/workorders?department=field-service&status=READY&size=100", FIELD));
    List<String> dueTimes = ready.get("items").findValuesAsString("dueAt");
    assertThat(dueTimes).isSortedAccordingTo(String::compareTo);
    assertThat(ready.get("items").findValuesAsString("workOrderId")).contains(a).doesNotContain(b);
    JsonNode mine = it.ok(it.get("/api/workorders?assignee=staff-field-service", FIELD));
    assertThat(mine.get("items").findValuesAsString("workOrderId")).contains(b).doesNotContain(a);
    assertThat(
            it.ok(it.get("/api/workorders?overdue=true&department=field-service", FIELD))
                .get("items")
                .findValuesAsString("workOrderId"))
        .doesNotContain(a, b);
    JsonNode firstPage = it.ok(it.get("/api/workorders?department=field-service&size=1", FIELD));
    assertThat(firstPage.get("items")).hasSize(1);
    assertThat(firstPage.get("hasNext").asBoolean()).isTrue();
  }

  @Test
  void a_resolved_complaint_is_announced_and_its_call_back_becomes_ready() throws Exception {
    String id =
        it.routeAndAwait(ticket("COMPLAINT", "BILLING", "Charged twice for roaming", "B"))
            .get("workOrderId")
            .asString();
    it.ok(step(id, "resolve", "claim", BILLING, null));

    it.assertProblem(step(id, "resolve", "complete", BILLING, "{\"notes\":\"refunded\"}"), 409);
    it.assertProblem(step(id, "resolve", "complete", BILLING, "{\"rootCause\":\"WEATHER\"}"), 400);
    it.ok(
        step(
            id,
            "resolve",
            "complete",
            BILLING,
            "{\"resolution\":\"We refunded the double charge\",\"rootCause\":\"BILLING\"}"));

    JsonNode resolved = it.awaitEvent(EventTypes.COMPLAINT_RESOLVED, id, e -> true);
    assertThat(resolved.get("rootCause").asString()).isEqualTo("BILLING");
    assertThat(resolved.get("responsibleDepartment").asString()).isEqualTo("billing");
    assertThat(resolved.get("resolvedBy").asString()).isEqualTo("staff-billing");
    JsonNode callBack =
        it.awaitEvent(
            EventTypes.WORKORDER_ROUTED, id, e -> "call-back".equals(e.get("stepId").asString()));
    assertThat(callBack.get("stepKind").asString()).isEqualTo("FOLLOW_UP");
    assertThat(callBack.get("department").asString()).isEqualTo("service-center");
  }

  @Test
  void a_step_returned_or_transferred_moves_to_the_right_queue() throws Exception {
    String id = faultRepair();
    finishStep(id, "repair", FIELD, "{}");
    it.ok(step(id, "verification", "claim", NETWORK, null));

    it.assertProblem(step(id, "verification", "return", NETWORK, "{\"reason\":\"\"}"), 400);
    it.ok(step(id, "verification", "return", NETWORK, "{\"reason\":\"Still no signal\"}"));
    JsonNode returned = it.awaitEvent(EventTypes.WORKORDER_STEP_RETURNED, id, e -> true);
    assertThat(returned.get("returnedTo").asString()).isEqualTo("repair");

    it.ok(
        step(
            id,
            "repair",
            "transfer",
            FIELD,
            "{\"department\":\"network-ops\",\"reason\":\"Core fault\"}"));
    JsonNode moved = it.awaitEvent(EventTypes.WORKORDER_TRANSFERRED, id, e -> true);
    assertThat(moved.get("fromDepartment").asString()).isEqualTo("field-service");
    assertThat(moved.get("toDepartment").asString()).isEqualTo("network-ops");
    JsonNode order = it.ok(it.get("/api/workorders/" + id, TestTokens.supervisor()));
    assertThat(order.get("routingErrors").asInt()).isEqualTo(1);
    it.assertProblem(
        step(id, "repair", "transfer", NETWORK, "{\"department\":\"catering\",\"reason\":\"x\"}"),
        400);
  }

  @Test
  void a_step_result_from_a_department_system_is_applied_once_however_often_it_arrives()
      throws Exception {
    String id = faultRepair();
    ProducerRecord<String, String> result =
        CloudEventsProducer.event(
            Topics.WORKORDER_RESULTS,
            id,
            EventTypes.WORKORDER_STEP_RESULT,
            "{\"workOrderId\":\""
                + id
                + "\",\"stepId\":\"repair\",\"outcome\":\"DONE\","
                + "\"notes\":\"Fixed by the field app\",\"performedBy\":\"engineer-12\"}");

    producer.send(result);
    producer.send(result);
    producer.send(result);
    // Behind them on the same partition: the next step's result.
    producer.publish(
        Topics.WORKORDER_RESULTS,
        id,
        EventTypes.WORKORDER_STEP_RESULT,
        "{\"workOrderId\":\""
            + id
            + "\",\"stepId\":\"verification\",\"outcome\":\"DONE\","
            + "\"performedBy\":\"noc-system\"}");
    it.awaitEvent(
        EventTypes.WORKORDER_STEP_COMPLETED,
        id,
        e -> "verification".equals(e.get("stepId").asString()));

    assertThat(
            it.events(
                EventTypes.WORKORDER_STEP_COMPLETED,
                id,
                e -> "repair".equals(e.get("stepId").asString())))
        .singleElement()
        .satisfies(
            event -> assertThat(event.get("completedBy").asString()).startsWith("engineer-12"));
    try (TopicRecorder dead = TopicRecorder.of(Topics.deadLetterOf(Topics.WORKORDER_RESULTS))) {
      String eventId = CloudEventsProducer.eventId(result);
      assertThat(dead.all(record -> eventId.equals(header(record, "ce_id")))).isEmpty();
    }
  }

  @Test
  void an_invalid_step_result_or_one_the_step_cannot_take_is_dead_lettered_with_the_reason()
      throws Exception {
    String id = faultRepair();
    String invalid =
        producer.publish(
            Topics.WORKORDER_RESULTS,
            id,
            EventTypes.WORKORDER_STEP_RESULT,
            "{\"workOrderId\":\""
                + id
                + "\",\"stepId\":\"repair\",\"outcome\":\"RETURNED\","
                + "\"performedBy\":\"x\"}");
    String notReady =
        producer.publish(
            Topics.WORKORDER_RESULTS,
            id,
            EventTypes.WORKORDER_STEP_RESULT,
            "{\"workOrderId\":\""
                + id
                + "\",\"stepId\":\"call-back\",\"outcome\":\"DONE\","
                + "\"performedBy\":\"x\"}");

    assertThat(deadLetterReason(invalid)).contains("violates its schema").contains("notes");
    assertThat(deadLetterReason(notReady)).contains("call-back is WAITING");
    JsonNode order = it.ok(it.get("/api/workorders/" + id, TestTokens.supervisor()));
    assertThat(order.get("steps").findValuesAsString("status"))
        .containsExactly("READY", "WAITING", "WAITING");
  }

  private String deadLetterReason(String eventId) {
    ConsumerRecord<String, String> dead =
        recorder.await(
            record ->
                record.topic().equals(Topics.deadLetterOf(Topics.WORKORDER_RESULTS))
                    && eventId.equals(header(record, "ce_id")),
            PATIENCE);
    return header(dead, "crossdesk_dlt_reason");
  }

  private String faultRepair() {
    return it.routeAndAwait(
            ticket("FAULT", "SIGNAL", "No signal at home " + UUID.randomUUID(), "B"))
        .get("workOrderId")
        .asString();
  }

  private String ticketOf(String id) throws Exception {
    return it.ok(it.get("/api/workorders/" + id, TestTokens.supervisor()))
        .get("ticketId")
        .asString();
  }

  private void finishStep(String id, String stepId, String token, String body) throws Exception {
    it.ok(step(id, stepId, "claim", token, null));
    it.ok(step(id, stepId, "complete", token, body));
  }

  private HttpResponse<String> step(
      String id, String stepId, String action, String token, String body) throws Exception {
    return it.post("/api/workorders/" + id + "/steps/" + stepId + "/" + action, token, body);
  }

  private interface Call {
    HttpResponse<String> run() throws Exception;
  }

  private static HttpResponse<String> quietly(Call call) {
    try {
      return call.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
