package io.crossdesk.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.systemtest.GatewayClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * An enterprise line, provisioned across six departments: some work in Crossdesk's queues over
 * REST, others in their own systems, which report each step's result on
 * crossdesk.workorder-results. The customer follows it on the ticket.
 */
@ExtendWith(SharedSystem.class)
class EnterpriseLineSystemTest {

  private static GatewayClient gateway;
  private static Desk desk;
  private static String supervisor;

  @BeforeAll
  static void findSystem() {
    gateway = SharedSystem.gateway();
    desk = new Desk(gateway);
    supervisor = gateway.token("{\"sub\":\"lead-1\",\"roles\":[\"SUPERVISOR\"]}");
  }

  @Test
  void
      the_eight_steps_run_to_the_end_by_rest_and_by_department_systems_with_a_return_and_a_transfer() {
    String customerId = desk.registerCustomer("Pudong Harbour Logistics", "ENTERPRISE", "A");
    String ticketId =
        desk.openTicket(
                customerId, "ENTERPRISE_LINE", "Dedicated line for the Pudong warehouse", null)
            .get("id")
            .asString();
    String workOrderId = desk.awaitRouted(ticketId, desk.agent()).get("workOrderId").asString();
    JsonNode opened = workOrder(workOrderId, supervisor);
    assertThat(opened.get("template").asString()).isEqualTo("enterprise-line");
    assertThat(stepIds(opened))
        .containsExactly(
            "requirements",
            "resources",
            "contract",
            "installation",
            "activation",
            "acceptance",
            "complaint",
            "settlement");
    assertThat(statusOf(opened, "requirements")).isEqualTo("READY");

    String accountManager = staff("am-1", "account-management");
    String planner = staff("np-1", "network-planning");
    String networkOps = staff("noc-1", "network-ops");
    String serviceCenter = staff("sc-1", "service-center");
    String billingClerk = staff("bill-1", "billing");

    // 1. Account management collects the requirements in the queue.
    work(workOrderId, "requirements", accountManager, "{\"notes\":\"2 x 1 Gbit/s, dual uplink\"}");

    // 2 and 3 run side by side. Resources were routed to network planning, who pass them to
    // network operations (a routing error); the operations system confirms them by event.
    awaitStatus(workOrderId, "resources", "READY");
    assertThat(statusOf(workOrder(workOrderId, supervisor), "contract")).isEqualTo("READY");
    ok(
        gateway.post(
            stepPath(workOrderId, "resources", "transfer"),
            "{\"department\":\"network-ops\",\"reason\":\"The access network is ours to check\"}",
            planner));
    assertThat(
            gateway.post(stepPath(workOrderId, "resources", "claim"), "{}", billingClerk).status())
        .as("billing staff cannot act on a network-ops step")
        .isEqualTo(404);
    assertThat(stepIds(workOrder(workOrderId, billingClerk)))
        .as("billing staff see only billing's step")
        .containsExactly("settlement");
    report(workOrderId, "resources", "DONE", "Port 24 on the Pudong OLT reserved", "noc-system");
    work(workOrderId, "contract", accountManager, "{\"notes\":\"Contract HT-2026-118 signed\"}");

    // 4. Field service installs; their dispatch system reports it.
    awaitStatus(workOrderId, "installation", "READY");
    report(workOrderId, "installation", "DONE", "CPE installed in rack B2", "dispatch");

    // 5. Network operations activates the line in the queue.
    awaitStatus(workOrderId, "activation", "READY");
    work(workOrderId, "activation", networkOps, "{\"notes\":\"Line activated\"}");

    // 6. The customer finds the line dropping: acceptance goes back to activation, once.
    awaitStatus(workOrderId, "acceptance", "READY");
    claim(workOrderId, "acceptance", serviceCenter);
    ok(
        gateway.post(
            stepPath(workOrderId, "acceptance", "return"),
            "{\"reason\":\"The line drops every hour\"}",
            serviceCenter));
    awaitStatus(workOrderId, "activation", "READY");
    report(workOrderId, "activation", "DONE", "Uplink optics replaced", "noc-system");

    // The customer accepts the line but complains about the delay: step 8 handles it.
    awaitStatus(workOrderId, "acceptance", "READY");
    work(
        workOrderId,
        "acceptance",
        serviceCenter,
        "{\"outcome\":\"COMPLAINT\",\"notes\":\"Accepted; the customer complains about the delay\"}");
    awaitStatus(workOrderId, "complaint", "READY");
    work(
        workOrderId,
        "complaint",
        serviceCenter,
        """
        {"notes":"Called the customer","resolution":"One month's fee is waived for the delay",
         "rootCause":"SERVICE"}""");

    // 7. Billing settles in its own system.
    awaitStatus(workOrderId, "settlement", "READY");
    report(workOrderId, "settlement", "DONE", "First invoice issued, one month waived", "billing");

    await()
        .atMost(Desk.TIMEOUT)
        .until(
            () -> "COMPLETED".equals(workOrder(workOrderId, supervisor).get("status").asString()));
    JsonNode completed = workOrder(workOrderId, supervisor);
    assertThat(completed.get("routingErrors").asInt()).isEqualTo(1);
    assertThat(stepOf(completed, "resources").get("department").asString())
        .isEqualTo("network-ops");
    assertThat(
            StreamSupport.stream(completed.get("history").spliterator(), false)
                .filter(entry -> !entry.path("department").isNull())
                .map(entry -> entry.get("department").asString())
                .distinct())
        .containsExactlyInAnyOrder(
            "account-management",
            "network-planning",
            "network-ops",
            "field-service",
            "service-center",
            "billing");
    for (String reported : List.of("resources", "installation", "settlement")) {
      assertThat(completions(completed, reported))
          .as("%s was reported twice and completed once", reported)
          .isEqualTo(1);
    }
    assertThat(completions(completed, "activation")).isEqualTo(2);

    // The customer followed every department's step and a predicted finish that moved.
    JsonNode ticket = awaitTimeline(ticketId, customerId, "Done: Settle billing");
    Set<String> texts = texts(ticket);
    assertThat(texts)
        .contains(
            "Done: Collect requirements",
            "Done: Confirm resources",
            "Done: Sign the contract",
            "Done: Install the equipment",
            "Done: Activate the service",
            "Done: Customer acceptance",
            "Done: Handle the customer's complaint",
            "Done: Settle billing");
    List<String> predictions =
        texts.stream().filter(text -> text.startsWith("We expect to complete")).toList();
    assertThat(predictions).as("predicted finishes, in order").hasSizeGreaterThan(1);
    assertThat(ticket.get("status").asString()).isEqualTo("RESOLVED");
    assertThat(ticket.get("resolution").toString()).contains("One month's fee is waived");
  }

  private static String staff(String subject, String department) {
    return gateway.token(
        "{\"sub\":\"%s\",\"roles\":[\"DEPARTMENT\"],\"department\":\"%s\"}"
            .formatted(subject, department));
  }

  private static JsonNode workOrder(String workOrderId, String token) {
    Response found = gateway.get("/api/workorders/" + workOrderId, token);
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    return found.json();
  }

  private static String stepPath(String workOrderId, String stepId, String action) {
    return "/api/workorders/" + workOrderId + "/steps/" + stepId + "/" + action;
  }

  /** A person takes the step from the queue, works on it and completes it. */
  private static void work(String workOrderId, String stepId, String token, String completion) {
    awaitStatus(workOrderId, stepId, "READY");
    claim(workOrderId, stepId, token);
    ok(gateway.post(stepPath(workOrderId, stepId, "start"), "{}", token));
    ok(gateway.post(stepPath(workOrderId, stepId, "complete"), completion, token));
  }

  private static void claim(String workOrderId, String stepId, String token) {
    ok(gateway.post(stepPath(workOrderId, stepId, "claim"), "{}", token));
  }

  private static void ok(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  /**
   * A department system reports a step's result, and its broker delivers the event twice: the
   * second delivery must change nothing.
   */
  private static void report(
      String workOrderId, String stepId, String outcome, String notes, String system) {
    ProducerRecord<String, String> result =
        new ProducerRecord<>(
            Topics.WORKORDER_RESULTS,
            workOrderId,
            """
            {"workOrderId":"%s","stepId":"%s","outcome":"%s","notes":"%s","performedBy":"%s"}"""
                .formatted(workOrderId, stepId, outcome, notes, system));
    header(result, "ce_specversion", "1.0");
    header(result, "ce_id", UUID.randomUUID().toString());
    header(result, "ce_source", "/" + system);
    header(result, "ce_type", EventTypes.WORKORDER_STEP_RESULT);
    header(result, "ce_time", Instant.now().toString());
    header(result, "content-type", "application/json");
    SharedSystem.producer().send(result);
    SharedSystem.producer().send(result);
    SharedSystem.producer().flush();
    awaitStatus(workOrderId, stepId, "DONE");
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void awaitStatus(String workOrderId, String stepId, String status) {
    await()
        .atMost(Desk.TIMEOUT)
        .until(() -> status.equals(statusOf(workOrder(workOrderId, supervisor), stepId)));
  }

  private static JsonNode stepOf(JsonNode workOrder, String stepId) {
    for (JsonNode step : workOrder.get("steps")) {
      if (stepId.equals(step.get("id").asString())) {
        return step;
      }
    }
    throw new AssertionError("no step " + stepId + " in " + workOrder);
  }

  private static String statusOf(JsonNode workOrder, String stepId) {
    return stepOf(workOrder, stepId).get("status").asString();
  }

  private static List<String> stepIds(JsonNode workOrder) {
    List<String> ids = new ArrayList<>();
    workOrder.get("steps").forEach(step -> ids.add(step.get("id").asString()));
    return ids;
  }

  private static long completions(JsonNode workOrder, String stepId) {
    return StreamSupport.stream(workOrder.get("history").spliterator(), false)
        .filter(entry -> stepId.equals(entry.get("stepId").asString()))
        .filter(entry -> "completed".equals(entry.get("action").asString()))
        .count();
  }

  private static JsonNode awaitTimeline(String ticketId, String customerId, String text) {
    String customer = desk.customer(customerId);
    await().atMost(Desk.TIMEOUT).until(() -> texts(desk.ticket(ticketId, customer)).contains(text));
    return desk.ticket(ticketId, customer);
  }

  private static Set<String> texts(JsonNode ticket) {
    Set<String> texts = new LinkedHashSet<>();
    ticket.get("timeline").forEach(entry -> texts.add(entry.get("text").asString()));
    return texts;
  }
}
