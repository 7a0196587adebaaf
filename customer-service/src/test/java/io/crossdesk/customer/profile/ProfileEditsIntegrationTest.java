package io.crossdesk.customer.profile;

import static io.crossdesk.customer.profile.CustomerApi.json;
import static io.crossdesk.customer.profile.CustomerApi.validCustomer;
import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.platform.events.EventSchemas;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CrossdeskIntegrationTest
class ProfileEditsIntegrationTest {

  private static final Duration ASYNC = Duration.ofSeconds(30);
  private static TopicRecorder customerEvents;

  @LocalServerPort int port;
  @Autowired org.springframework.data.mongodb.core.MongoTemplate mongo;

  private CustomerApi api;

  @BeforeAll
  static void listen() {
    customerEvents = TopicRecorder.of(Topics.CUSTOMERS);
  }

  @AfterAll
  static void stop() {
    customerEvents.close();
  }

  @BeforeEach
  void connect() {
    api = new CustomerApi(port);
  }

  @Test
  void registers_with_every_profile_field_and_the_policy_decides_the_tier() {
    HttpResponse<String> created =
        api.register(
            TestTokens.agent(),
            Map.ofEntries(
                Map.entry("name", "Shanghai Freight"),
                Map.entry("type", "ENTERPRISE"),
                Map.entry("phones", List.of("+86 138 0000 0001", "021 5555 0001")),
                Map.entry("emails", List.of("ops@freight.example")),
                Map.entry("keyAccount", true),
                Map.entry("region", "CN-SH"),
                Map.entry("preferredChannel", "ACCOUNT_MANAGER"),
                Map.entry("locale", "en-US"),
                Map.entry("notificationConsent", false),
                Map.entry(
                    "quietHours", Map.of("from", "22:00", "to", "08:00", "zone", "Asia/Shanghai")),
                Map.entry("accountManager", "am-3"),
                Map.entry("products", List.of("LEASED_LINE", "CLOUD_PBX")),
                Map.entry("yearlyRevenue", 2500000),
                Map.entry("customerSince", "2015-06-01")));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode customer = json(created);
    assertThat(customer.get("phones").values().stream().map(JsonNode::asString))
        .containsExactly("+8613800000001", "+862155550001");
    assertThat(customer.get("tier").asString()).isEqualTo("A");
    assertThat(customer.get("tierDecision").get("basis").asString()).isEqualTo("POLICY");
    assertThat(customer.get("quietHours").get("zone").asString()).isEqualTo("Asia/Shanghai");
    assertThat(customer.get("keyAccount").asBoolean()).isTrue();
    assertThat(customer.get("locale").asString()).isEqualTo("en-US");
  }

  @Test
  void an_edit_needs_the_etag_it_was_made_on_and_publishes_what_changed() {
    String id = register("Bea Costa", "+351 913 100 001", "bea.costa@example.org");
    String path = "/api/customers/" + id;
    HttpResponse<String> read = api.get(path, TestTokens.agent());
    String etag = read.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isEqualTo("\"0\"");

    HttpResponse<String> edited =
        api.patch(
            path, TestTokens.agent(), etag, "{\"region\":\"PT-LX\",\"status\":\"SUSPENDED\"}");

    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(edited.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(json(edited).get("region").asString()).isEqualTo("PT-LX");
    assertThat(json(edited).get("status").asString()).isEqualTo("SUSPENDED");
    ConsumerRecord<String, String> updated =
        customerEvents.await(
            r -> id.equals(r.key()) && EventTypes.CUSTOMER_UPDATED.equals(header(r, "ce_type")),
            ASYNC);
    assertValid(updated);
    JsonNode data = CustomerApi.JSON.readTree(updated.value());
    assertThat(data.get("revision").asLong()).isEqualTo(1);
    assertThat(data.get("changedFields").values().stream().map(JsonNode::asString))
        .containsExactly("region", "status");
    assertThat(data.get("status").asString()).isEqualTo("SUSPENDED");

    HttpResponse<String> stale =
        api.patch(path, TestTokens.agent(), etag, "{\"region\":\"PT-PO\"}");
    assertProblem(stale, 412);
    HttpResponse<String> unconditional =
        api.patch(path, TestTokens.agent(), null, "{\"region\":\"PT-PO\"}");
    assertProblem(unconditional, 428);
    assertThat(json(api.get(path, TestTokens.agent())).get("region").asString()).isEqualTo("PT-LX");
  }

  @Test
  void bad_edits_name_every_field_and_change_nothing() {
    String id = register("Caio Reis", "+351 913 100 002", "caio.reis@example.org");
    String path = "/api/customers/" + id;
    String before = api.get(path, TestTokens.agent()).body();

    HttpResponse<String> unknown =
        api.patch(path, TestTokens.agent(), "\"0\"", "{\"nickname\":\"C\"}");
    HttpResponse<String> invalid =
        api.patch(
            path,
            TestTokens.agent(),
            "\"0\"",
            """
            {"name":"","phones":["call me"],"locale":"fr-FR","quietHours":{"from":"25:00","to":"08:00","zone":"Mars/Base"},
             "tierOverride":{"tier":"A"},"status":"GONE","yearlyRevenue":-5}""");
    HttpResponse<String> notJson = api.patch(path, TestTokens.agent(), "\"0\"", "{\"name\":");

    assertProblem(unknown, 400);
    assertThat(fields(unknown)).containsExactly("nickname");
    assertProblem(invalid, 400);
    assertThat(fields(invalid))
        .contains(
            "name",
            "phones",
            "locale",
            "quietHours.from",
            "quietHours.zone",
            "tierOverride.reason",
            "status",
            "yearlyRevenue");
    assertProblem(notJson, 400);
    assertThat(api.get(path, TestTokens.agent()).body()).isEqualTo(before);
    assertProblem(
        api.patch(path, TestTokens.department("billing"), "\"0\"", "{\"region\":\"X\"}"), 403);
  }

  @Test
  void a_manual_override_with_a_reason_changes_the_tier_and_announces_it() {
    String id = register("Dora Neves", "+351 913 100 003", "dora.neves@example.org");

    HttpResponse<String> overridden =
        api.patch(
            "/api/customers/" + id,
            TestTokens.supervisor(),
            "\"0\"",
            "{\"tierOverride\":{\"tier\":\"A\",\"reason\":\"strategic account\"}}");

    assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);
    assertThat(json(overridden).get("tier").asString()).isEqualTo("A");
    assertThat(json(overridden).get("tierDecision").get("basis").asString()).isEqualTo("MANUAL");
    ConsumerRecord<String, String> changed =
        customerEvents.await(
            r ->
                id.equals(r.key()) && EventTypes.CUSTOMER_TIER_CHANGED.equals(header(r, "ce_type")),
            ASYNC);
    assertValid(changed);
    JsonNode data = CustomerApi.JSON.readTree(changed.value());
    assertThat(data.get("from").asString()).isEqualTo("B");
    assertThat(data.get("to").asString()).isEqualTo("A");
    assertThat(data.get("reason").asString()).isEqualTo("strategic account");
    assertThat(data.get("basis").asString()).isEqualTo("MANUAL");
    assertThat(data.get("changedBy").asString()).isEqualTo("supervisor-1");
  }

  @Test
  void a_phone_another_customer_has_is_a_conflict_and_a_dropped_one_is_free_again() {
    String first = register("Eva Prado", "+351 913 100 004", "eva.prado@example.org");
    String second = register("Filipa Prado", "+351 913 100 005", "filipa.prado@example.org");

    HttpResponse<String> taken =
        api.patch(
            "/api/customers/" + second,
            TestTokens.agent(),
            "\"0\"",
            "{\"phones\":[\"+351 913 100 005\",\"+351913100004\"]}");
    assertProblem(taken, 409);
    assertThat(json(taken).get("existingCustomerId").asString()).isEqualTo(first);
    assertThat(
            json(api.get("/api/customers/" + second, TestTokens.agent())).get("revision").asLong())
        .isZero();

    HttpResponse<String> dropped =
        api.patch(
            "/api/customers/" + first,
            TestTokens.agent(),
            "\"0\"",
            "{\"phones\":[\"+351 913 100 006\"]}");
    assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(200);
    HttpResponse<String> claimed =
        api.patch(
            "/api/customers/" + second,
            TestTokens.agent(),
            "\"0\"",
            "{\"phones\":[\"+351 913 100 005\",\"+351913100004\"]}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
    assertThat(ids(api.search("phone", "+351 913 100 004", TestTokens.agent())))
        .containsExactly(second);
  }

  @Test
  void an_admin_sets_the_tier_policy_and_customers_following_it_are_retiered() {
    String small = registerValued("Gil Lopes", "+351 913 100 007", "gil.lopes@example.org", 50000);
    assertThat(json(api.get("/api/customers/" + small, TestTokens.agent())).get("tier").asString())
        .isEqualTo("C");
    String policy =
        """
        {"a":{"minYearlyRevenue":40000,"minTenureYears":0},"b":{"minYearlyRevenue":1000,"minTenureYears":0}}""";

    assertProblem(api.send("PUT", "/api/customers/tier-policy", TestTokens.agent(), policy), 403);
    HttpResponse<String> unreachable =
        api.send(
            "PUT",
            "/api/customers/tier-policy",
            TestTokens.admin(),
            "{\"a\":{\"minYearlyRevenue\":10,\"minTenureYears\":0},\"b\":{\"minYearlyRevenue\":10,\"minTenureYears\":0}}");
    assertProblem(unreachable, 400);
    assertThat(fields(unreachable)).containsExactly("b");
    assertProblem(
        api.send("PUT", "/api/customers/tier-policy", TestTokens.admin(), "{\"a\":{}}"), 400);
    assertThat(
            json(api.get("/api/customers/tier-policy", TestTokens.agent())).get("version").asInt())
        .isZero();

    HttpResponse<String> set =
        api.send("PUT", "/api/customers/tier-policy", TestTokens.admin(), policy);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(json(set).get("version").asInt()).isEqualTo(1);

    ConsumerRecord<String, String> retiered =
        customerEvents.await(
            r ->
                small.equals(r.key())
                    && EventTypes.CUSTOMER_TIER_CHANGED.equals(header(r, "ce_type")),
            ASYNC);
    JsonNode data = CustomerApi.JSON.readTree(retiered.value());
    assertThat(data.get("basis").asString()).isEqualTo("POLICY");
    assertThat(data.get("policyVersion").asInt()).isEqualTo(1);
    assertThat(data.get("to").asString()).isEqualTo("A");
    assertThat(json(api.get("/api/customers/" + small, TestTokens.agent())).get("tier").asString())
        .isEqualTo("A");
  }

  @Test
  void searches_by_name_prefix_tier_and_region_in_pages() {
    register("Zeta Works North", "+351 913 100 010", "north@zeta.example");
    register("Zeta Works South", "+351 913 100 011", "south@zeta.example");
    register("Zetland Foods", "+351 913 100 012", "desk@zetland.example");

    HttpResponse<String> first = api.get("/api/customers?name=zeta%20w&size=1", TestTokens.agent());
    HttpResponse<String> second =
        api.get("/api/customers?name=Zeta%20W&size=1&page=1", TestTokens.agent());
    HttpResponse<String> byTier = api.get("/api/customers?name=zet&tier=B", TestTokens.agent());

    assertThat(names(first)).containsExactly("Zeta Works North");
    assertThat(names(second)).containsExactly("Zeta Works South");
    assertThat(names(byTier))
        .containsExactly("Zeta Works North", "Zeta Works South", "Zetland Foods");
    assertProblem(api.get("/api/customers?tier=Q", TestTokens.agent()), 400);
    assertProblem(api.get("/api/customers?phone=123456&name=x", TestTokens.agent()), 400);
  }

  @Test
  void a_stale_claim_left_by_a_crash_is_taken_over_and_a_fresh_one_is_not() {
    mongo.insert(
        new org.bson.Document("_id", "phone:+351913100020")
            .append("customerId", "crashed-before-its-write")
            .append("claimedAt", java.util.Date.from(java.time.Instant.now().minusSeconds(600))),
        "contact_points");
    mongo.insert(
        new org.bson.Document("_id", "phone:+351913100021")
            .append("customerId", "write-in-flight")
            .append("claimedAt", new java.util.Date()),
        "contact_points");

    String id = register("Hugo Lima", "+351 913 100 020", "hugo.lima@example.org");
    HttpResponse<String> inFlight =
        api.register(
            TestTokens.agent(),
            validCustomer("Ivo Lima", "+351 913 100 021", "ivo.lima@example.org"));

    assertThat(ids(api.search("phone", "+351913100020", TestTokens.agent()))).containsExactly(id);
    assertProblem(inFlight, 409);
    assertThat(json(inFlight).get("existingCustomerId").asString()).isEqualTo("write-in-flight");
    assertThat(ids(api.search("email", "ivo.lima@example.org", TestTokens.agent()))).isEmpty();
  }

  @Test
  void the_api_is_described_in_openapi() {
    HttpResponse<String> docs = api.get("/v3/api-docs", null);

    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode paths = json(docs).get("paths");
    assertThat(paths.propertyNames())
        .contains(
            "/api/customers",
            "/api/customers/{id}",
            "/api/customers/{id}/contacts",
            "/api/customers/{id}/overview",
            "/api/customers/tier-policy");
    assertThat(paths.get("/api/customers/{id}").has("patch")).isTrue();
  }

  private String register(String name, String phone, String email) {
    HttpResponse<String> created =
        api.register(TestTokens.agent(), validCustomer(name, phone, email));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asString();
  }

  private String registerValued(String name, String phone, String email, long revenue) {
    HttpResponse<String> created =
        api.register(
            TestTokens.agent(),
            Map.of(
                "name",
                name,
                "type",
                "ENTERPRISE",
                "phone",
                phone,
                "email",
                email,
                "yearlyRevenue",
                revenue));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asString();
  }

  private static void assertValid(ConsumerRecord<String, String> event) {
    assertThat(
            EventSchemas.violations(
                EventCatalogue.byType(header(event, "ce_type")).orElseThrow(), event.value()))
        .isEmpty();
  }

  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  static List<String> fields(HttpResponse<String> response) {
    return json(response).get("errors").values().stream()
        .map(e -> e.get("field").asString())
        .toList();
  }

  private static List<String> ids(HttpResponse<String> response) {
    return json(response).values().stream().map(c -> c.get("id").asString()).toList();
  }

  private static List<String> names(HttpResponse<String> response) {
    return json(response).values().stream().map(c -> c.get("name").asString()).toList();
  }
}
