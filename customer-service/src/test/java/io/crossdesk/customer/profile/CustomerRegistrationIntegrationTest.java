package io.crossdesk.customer.profile;

import static io.crossdesk.customer.profile.CustomerApi.json;
import static io.crossdesk.customer.profile.CustomerApi.validCustomer;
import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.platform.events.EventSchemas;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
class CustomerRegistrationIntegrationTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static TopicRecorder customerEvents;

  @LocalServerPort int port;
  @Autowired org.springframework.data.mongodb.core.MongoTemplate mongoTemplate;

  private CustomerApi api;

  @BeforeAll
  static void listenToCustomerEvents() {
    customerEvents = TopicRecorder.of(Topics.CUSTOMERS);
  }

  @AfterAll
  static void stopListening() {
    customerEvents.close();
  }

  @BeforeEach
  void connect() {
    api = new CustomerApi(port);
  }

  @Test
  void registers_a_customer_reads_it_back_and_announces_it_on_the_customers_topic() {
    HttpResponse<String> created =
        api.post(
            TestTokens.agent(),
            CustomerApi.JSON.writeValueAsString(
                Map.of(
                    "name", "Acme Logistics",
                    "type", "ENTERPRISE",
                    "tier", "A",
                    "phone", "+49 30 1234-5678",
                    "email", "desk@acme.example")),
            Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode customer = json(created);
    String id = customer.get("id").asString();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/customers/" + id);
    assertThat(customer.get("name").asString()).isEqualTo("Acme Logistics");
    assertThat(customer.get("type").asString()).isEqualTo("ENTERPRISE");
    assertThat(customer.get("tier").asString()).isEqualTo("A");
    assertThat(customer.get("phone").asString()).isEqualTo("+493012345678");
    assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
    assertThat(customer.get("email").asString()).isEqualTo("desk@acme.example");
    Instant registeredAt = Instant.parse(customer.get("registeredAt").asString());

    HttpResponse<String> read = api.get("/api/customers/" + id, TestTokens.agent());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read)).isEqualTo(customer);

    ConsumerRecord<String, String> event =
        customerEvents.await(
            record -> id.equals(header(record, "ce_subject")), Duration.ofSeconds(15));
    assertThat(event.key()).isEqualTo(id);
    assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(event, "ce_id")).isNotBlank();
    assertThat(header(event, "ce_type")).isEqualTo(EventTypes.CUSTOMER_REGISTERED);
    assertThat(header(event, "ce_source")).isEqualTo("/crossdesk/customer-service");
    assertThat(Instant.parse(header(event, "ce_time")))
        .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    assertThat(header(event, "content-type")).isEqualTo("application/json");
    assertThat(header(event, "traceparent")).startsWith("00-" + TRACE_ID + "-");
    assertValidAgainstItsSchema(event);

    JsonNode data = CustomerApi.JSON.readTree(event.value());
    assertThat(data.get("customerId").asString()).isEqualTo(id);
    assertThat(data.get("name").asString()).isEqualTo("Acme Logistics");
    assertThat(data.get("type").asString()).isEqualTo("ENTERPRISE");
    assertThat(data.get("tier").asString()).isEqualTo("A");
    assertThat(data.get("phone").asString()).isEqualTo("+493012345678");
    assertThat(data.get("email").asString()).isEqualTo("desk@acme.example");
    assertThat(Instant.parse(data.get("registeredAt").asString())).isEqualTo(registeredAt);

    assertThat(customerEvents.all(TopicRecorder.ofType(EventTypes.CUSTOMER_REGISTERED)))
        .isNotEmpty()
        .allSatisfy(CustomerRegistrationIntegrationTest::assertValidAgainstItsSchema);
  }

  @Test
  void supervisors_and_admins_register_customers_too() {
    assertThat(
            api.register(
                    TestTokens.supervisor(),
                    validCustomer("Bea Costa", "+351 913 000 001", "bea@example.org"))
                .statusCode())
        .isEqualTo(201);
    assertThat(
            api.register(
                    TestTokens.admin(),
                    validCustomer("Caio Reis", "+351 913 000 002", "caio@example.org"))
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void rejects_invalid_details_naming_every_field_once_and_stores_nothing() {
    long before = mongoTemplate.getCollection("customers").countDocuments();

    HttpResponse<String> rejected =
        api.register(
            TestTokens.agent(),
            Map.of(
                "name", "x".repeat(201),
                "type", "PERSON",
                "tier", "D",
                "phone", "0800-CALL-NOW",
                "email", "not-an-address"));

    assertProblem(rejected, 400);
    assertThat(fieldsInError(rejected))
        .containsExactlyInAnyOrder("name", "type", "tier", "phone", "email");
    HttpResponse<String> empty = api.register(TestTokens.agent(), Map.of());
    assertProblem(empty, 400);
    assertThat(fieldsInError(empty)).containsExactlyInAnyOrder("name", "type", "phone", "email");
    assertThat(mongoTemplate.getCollection("customers").countDocuments()).isEqualTo(before);
  }

  @Test
  void names_the_field_of_an_unknown_type_or_tier_instead_of_failing() {
    Map<String, Object> government =
        Map.of(
            "name",
            "City Council",
            "type",
            "GOVERNMENT",
            "tier",
            "A",
            "phone",
            "+351 210 000 000",
            "email",
            "council@example.org");

    HttpResponse<String> rejected = api.register(TestTokens.agent(), government);

    assertProblem(rejected, 400);
    JsonNode error = json(rejected).get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("type");
    assertThat(error.get("message").asString()).contains("INDIVIDUAL", "ENTERPRISE");
  }

  @Test
  void refuses_a_quoted_address_with_blanks_as_an_invalid_email_field() {
    long before = mongoTemplate.getCollection("customers").countDocuments();

    HttpResponse<String> rejected =
        api.register(
            TestTokens.agent(),
            validCustomer("Ana Lima", "+351 912 345 678", "\"ana lima\"@example.org"));

    assertProblem(rejected, 400);
    assertThat(fieldsInError(rejected)).containsExactly("email");
    assertThat(mongoTemplate.getCollection("customers").countDocuments()).isEqualTo(before);
  }

  @Test
  void answers_a_body_that_is_no_json_with_a_problem() {
    long before = mongoTemplate.getCollection("customers").countDocuments();

    assertProblem(api.post(TestTokens.agent(), "{\"name\": ", Map.of()), 400);
    assertThat(mongoTemplate.getCollection("customers").countDocuments()).isEqualTo(before);
  }

  @Test
  void requires_a_token() {
    assertProblem(
        api.register(null, validCustomer("Ana Lima", "+351 912 345 678", "ana@example.org")), 401);
    assertProblem(api.get("/api/customers/any", null), 401);
    assertProblem(api.search("phone", "+351912345678", null), 401);
  }

  @Test
  void only_desk_staff_register_customers() {
    long before = mongoTemplate.getCollection("customers").countDocuments();
    Map<String, Object> valid = validCustomer("Ana Lima", "+351 912 345 678", "ana@example.org");

    assertProblem(api.register(TestTokens.customer("c-1"), valid), 403);
    assertProblem(api.register(TestTokens.department("billing"), valid), 403);
    assertProblem(api.register(system(), valid), 403);
    assertThat(mongoTemplate.getCollection("customers").countDocuments()).isEqualTo(before);
  }

  @Test
  void a_customer_reads_their_own_record_and_nobody_elses() {
    String ana = register("Ana Lima", "+351 912 111 111", "ana.lima@example.org");
    String rui = register("Rui Lima", "+351 912 222 222", "rui.lima@example.org");

    HttpResponse<String> own = api.get("/api/customers/" + ana, TestTokens.customer(ana));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(json(own).get("name").asString()).isEqualTo("Ana Lima");

    HttpResponse<String> other = api.get("/api/customers/" + rui, TestTokens.customer(ana));
    HttpResponse<String> unknown =
        api.get("/api/customers/00000000-0000-0000-0000-000000000000", TestTokens.customer(ana));
    assertProblem(other, 404);
    assertProblem(unknown, 404);
    assertThat(json(other).get("title")).isEqualTo(json(unknown).get("title"));
  }

  @Test
  void other_systems_read_any_customer_and_departments_without_a_step_none() {
    String id = register("Dora Neves", "+351 912 333 333", "dora@example.org");

    assertThat(api.get("/api/customers/" + id, system()).statusCode()).isEqualTo(200);
    assertProblem(api.get("/api/customers/" + id, TestTokens.department("billing")), 404);
  }

  @Test
  void answers_an_unknown_customer_with_not_found() {
    assertProblem(api.get("/api/customers/no-such-customer", TestTokens.agent()), 404);
  }

  @Test
  void finds_callers_by_phone_however_it_is_spaced() {
    String id = register("Eva Prado", "+351 914-555 001", "eva@example.org");

    HttpResponse<String> found = api.search("phone", "00351 914 555 001", TestTokens.agent());

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(ids(found)).containsExactly(id);
  }

  @Test
  void a_phone_or_email_of_another_customer_is_a_conflict_naming_them_and_stores_nothing() {
    String mother = register("Inês Sousa", "+351 915 000 001", "sousa.family@example.org");
    long before = mongoTemplate.getCollection("customers").countDocuments();

    HttpResponse<String> samePhone =
        api.register(
            TestTokens.agent(), validCustomer("Tiago Sousa", "+351915000001", "tiago@example.org"));
    HttpResponse<String> sameEmail =
        api.register(
            TestTokens.agent(),
            validCustomer("Tiago Sousa", "+351 915 000 002", "Sousa.Family@example.org"));

    assertProblem(samePhone, 409);
    assertThat(json(samePhone).get("existingCustomerId").asString()).isEqualTo(mother);
    assertThat(fieldsInError(samePhone)).containsExactly("phones");
    assertProblem(sameEmail, 409);
    assertThat(json(sameEmail).get("existingCustomerId").asString()).isEqualTo(mother);
    assertThat(fieldsInError(sameEmail)).containsExactly("emails");
    assertThat(mongoTemplate.getCollection("customers").countDocuments()).isEqualTo(before);
    assertThat(ids(api.search("phone", "+351 915 000 002", TestTokens.agent()))).isEmpty();
    assertThat(register("Tiago Sousa", "+351 915 000 002", "tiago@example.org")).isNotBlank();
  }

  @Test
  void finds_a_customer_by_email_whatever_its_case() {
    String id = register("Rita Mota", "+351 915 000 011", "rita.mota@example.org");

    HttpResponse<String> found =
        api.search("email", "RITA.MOTA@EXAMPLE.ORG", TestTokens.supervisor());

    assertThat(ids(found)).containsExactly(id);
  }

  @Test
  void searches_by_exactly_one_of_phone_and_email() {
    HttpResponse<String> neither = api.get("/api/customers?phone=%20", TestTokens.agent());
    HttpResponse<String> both =
        api.get("/api/customers?phone=12345&email=a%40example.org", TestTokens.agent());

    assertProblem(neither, 400);
    assertThat(fieldsInError(neither)).containsExactlyInAnyOrder("phone", "email");
    assertProblem(both, 400);
    assertThat(fieldsInError(both)).containsExactlyInAnyOrder("phone", "email");
    assertProblem(api.get("/api/customers", TestTokens.agent()), 400);
  }

  @Test
  void only_desk_staff_search_customers() {
    assertProblem(api.search("phone", "+351912345678", TestTokens.customer("c-1")), 403);
    assertProblem(api.search("phone", "+351912345678", TestTokens.department("billing")), 403);
  }

  private String register(String name, String phone, String email) {
    HttpResponse<String> created =
        api.register(TestTokens.agent(), validCustomer(name, phone, email));
    assertThat(created.statusCode()).isEqualTo(201);
    return json(created).get("id").asString();
  }

  private static String system() {
    return TestTokens.bearer("billing-system", List.of("SYSTEM"), Map.of());
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).get("status").asInt()).isEqualTo(status);
  }

  private static List<String> fieldsInError(HttpResponse<String> response) {
    return json(response).get("errors").values().stream()
        .map(error -> error.get("field").asString())
        .toList();
  }

  private static List<String> ids(HttpResponse<String> response) {
    return json(response).values().stream().map(customer -> customer.get("id").asString()).toList();
  }

  private static void assertValidAgainstItsSchema(ConsumerRecord<String, String> event) {
    String type = header(event, "ce_type");
    assertThat(EventSchemas.violations(EventCatalogue.byType(type).orElseThrow(), event.value()))
        .isEmpty();
  }
}
