package io.crossdesk.workorder.order;

import static io.crossdesk.workorder.order.WorkOrderIntegrationSupport.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Departments an administrator switched to ROUND_ROBIN or LEAST_LOADED get their ready steps
 * assigned to members who are not away. The property gives the class a context and database of its
 * own, so the departments it switches stay switched here only and other test classes keep claiming
 * from the queue.
 */
@CrossdeskIntegrationTest
@TestPropertySource(properties = "crossdesk.routing.rules-refresh=10s")
class AutoAssignmentIntegrationTest {

  private static final String AROUND_THE_CLOCK =
      "{\"zone\":\"Asia/Shanghai\",\"hours\":{"
          + "\"MONDAY\":[\"00:00-24:00\"],\"TUESDAY\":[\"00:00-24:00\"],"
          + "\"WEDNESDAY\":[\"00:00-24:00\"],\"THURSDAY\":[\"00:00-24:00\"],"
          + "\"FRIDAY\":[\"00:00-24:00\"],\"SATURDAY\":[\"00:00-24:00\"],"
          + "\"SUNDAY\":[\"00:00-24:00\"]}}";

  private static CloudEventsProducer producer;
  private static TopicRecorder recorder;

  @LocalServerPort int port;
  @Autowired JsonMapper json;

  private WorkOrderIntegrationSupport it;

  @BeforeAll
  static void connect() {
    producer = CloudEventsProducer.forTestBroker();
    recorder = TopicRecorder.of(Topics.WORKORDERS);
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
  void round_robin_gives_ready_steps_in_turn_to_the_members_who_are_not_away() throws Exception {
    switchIntake(
        "field-service",
        "ROUND_ROBIN",
        member("ana", false),
        member("cy", true),
        member("bo", false));

    List<String> assignees =
        List.of(fault(), fault(), fault()).stream().map(id -> assignee(id, "repair")).toList();

    assertThat(assignees).containsExactly("ana", "bo", "ana");
    String fourth = fault();
    JsonNode order = it.ok(it.get("/api/workorders/" + fourth, TestTokens.supervisor()));
    assertThat(order.get("history").findValuesAsString("detail"))
        .contains("automatically by ROUND_ROBIN to bo");
    // bo hears that the step is theirs (notification-service tells them).
    JsonNode announced =
        json.readTree(
            recorder
                .await(
                    r ->
                        EventTypes.WORKORDER_STEP_ASSIGNED.equals(
                                TopicRecorder.header(r, "ce_type"))
                            && r.key().equals(fourth),
                    Duration.ofSeconds(30))
                .value());
    assertThat(announced.path("assignee").asString()).isEqualTo("bo");
    assertThat(announced.path("rule").asString()).isEqualTo("ROUND_ROBIN");
    assertThat(announced.path("stepId").asString()).isEqualTo("repair");
    String bo =
        TestTokens.bearer("bo", List.of("DEPARTMENT"), Map.of("department", "field-service"));
    it.ok(it.post("/api/workorders/" + fourth + "/steps/repair/start", bo, null));
  }

  @Test
  void least_loaded_gives_a_ready_step_to_the_member_holding_the_fewest_steps() throws Exception {
    switchIntake(
        "network-ops",
        "LEAST_LOADED",
        member("dee", false),
        member("fay", true),
        member("eve", false));
    String first = complaint();
    String second = complaint();
    List<String> assignees = List.of(assignee(first, "resolve"), assignee(second, "resolve"));
    String eve =
        TestTokens.bearer("eve", List.of("DEPARTMENT"), Map.of("department", "network-ops"));
    it.ok(
        it.post(
            "/api/workorders/" + second + "/steps/resolve/complete",
            eve,
            "{\"resolution\":\"Reset the cell\",\"rootCause\":\"NETWORK\"}"));

    String third = complaint();

    assertThat(assignees).containsExactly("dee", "eve");
    assertThat(assignee(third, "resolve")).isEqualTo("eve");
    assertThat(
            it.ok(it.get("/api/workorders/" + third, TestTokens.supervisor()))
                .get("history")
                .findValuesAsString("detail"))
        .contains("automatically by LEAST_LOADED to eve");
  }

  @Test
  void a_step_stays_in_the_queue_when_every_member_is_away() throws Exception {
    switchIntake("billing", "LEAST_LOADED", member("gus", true));

    String id =
        it.routeAndAwait(ticket("SERVICE_REQUEST", "BILLING", "Bill " + UUID.randomUUID(), "B"))
            .get("workOrderId")
            .asString();

    JsonNode step = step(id, "investigation");
    assertThat(step.get("status").asString()).isEqualTo("READY");
    assertThat(step.get("assignee").isNull()).isTrue();
  }

  @Test
  void an_unknown_intake_is_refused_naming_the_field_and_changes_nothing() throws Exception {
    JsonNode problem =
        it.assertProblem(
            it.put(
                "/api/departments/billing",
                TestTokens.admin(),
                department("billing", "WHOEVER_IS_FREE", member("gus", false))),
            400);

    assertThat(problem.toString()).contains("intake");
    assertThat(it.ok(it.get("/api/departments/billing", TestTokens.admin())).get("members"))
        .noneMatch(
            member -> member.get("id").asString().equals("gus") && !member.get("away").asBoolean());
  }

  private void switchIntake(String department, String intake, String... members) throws Exception {
    it.ok(
        it.put(
            "/api/departments/" + department,
            TestTokens.admin(),
            department(department, intake, members)));
  }

  private static String department(String id, String intake, String... members) {
    return "{\"names\":{\"zhCN\":\"部门\",\"enUS\":\""
        + id
        + "\",\"customer\":\"our team\"},\"calendar\":"
        + AROUND_THE_CLOCK
        + ",\"members\":["
        + String.join(",", members)
        + "],\"escalationContacts\":[{\"level\":1,\"contact\":\""
        + id
        + "-team-lead\"}],\"intake\":\""
        + intake
        + "\"}";
  }

  private static String member(String id, boolean away) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"away\":" + away + "}";
  }

  private String fault() {
    return it.routeAndAwait(ticket("FAULT", "SIGNAL", "No signal " + UUID.randomUUID(), "B"))
        .get("workOrderId")
        .asString();
  }

  private String complaint() {
    return it.routeAndAwait(
            ticket("COMPLAINT", "NETWORK", "Dropped calls " + UUID.randomUUID(), "B"))
        .get("workOrderId")
        .asString();
  }

  private String assignee(String workOrderId, String stepId) {
    JsonNode step = step(workOrderId, stepId);
    assertThat(step.get("status").asString()).isEqualTo("CLAIMED");
    return step.get("assignee").asString();
  }

  private JsonNode step(String workOrderId, String stepId) {
    try {
      JsonNode order = it.ok(it.get("/api/workorders/" + workOrderId, TestTokens.supervisor()));
      for (JsonNode step : order.get("steps")) {
        if (step.get("id").asString().equals(stepId)) {
          return step;
        }
      }
      throw new AssertionError("no step " + stepId + " in " + order);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
