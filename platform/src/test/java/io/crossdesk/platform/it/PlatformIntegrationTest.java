package io.crossdesk.platform.it;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.consumer.DeadLetters;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.it.PlatformTestApplication.CustomerListener;
import io.crossdesk.platform.it.PlatformTestApplication.GatheringCustomers;
import io.crossdesk.platform.it.PlatformTestApplication.Parcel;
import io.crossdesk.platform.it.PlatformTestApplication.ParcelReminders;
import io.crossdesk.platform.it.PlatformTestApplication.StoredCalendar;
import io.crossdesk.platform.time.CalendarSpec;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestInfrastructure;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@CrossdeskIntegrationTest
class PlatformIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static KafkaProducer<String, String> producer;
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired MongoTemplate mongo;
  @Autowired Events events;
  @Autowired CustomerListener listener;
  @Autowired GatheringCustomers gathering;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired Deadlines deadlines;
  @Autowired ParcelReminders reminders;
  @Autowired AggregateStore<Parcel> parcels;
  @Autowired io.crossdesk.platform.outbox.PendingEvents pending;
  @LocalServerPort int port;

  @BeforeAll
  static void producer() {
    producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(),
            new StringSerializer());
  }

  @AfterAll
  static void closeProducer() {
    producer.close();
  }

  @Test
  void a_saved_state_change_is_published_as_a_cloud_event_and_nothing_waits_for_it() {
    String customerId = "c-" + UUID.randomUUID();
    EventMessage event = events.create(customerId, customer(customerId, "Ada"));
    parcels.insert(Change.of(new Parcel("p-" + customerId, "registered"), event));

    try (TopicRecorder recorder = TopicRecorder.of(Topics.CUSTOMERS)) {
      ConsumerRecord<String, String> record =
          recorder.await(r -> event.eventId().equals(header(r, "ce_id")), TIMEOUT);
      assertThat(record.key()).isEqualTo(customerId);
      assertThat(header(record, "ce_type")).isEqualTo(EventTypes.CUSTOMER_REGISTERED);
      assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
      assertThat(header(record, "ce_source")).isEqualTo("/crossdesk/platform-test");
      assertThat(header(record, "ce_subject")).isEqualTo(customerId);
      assertThat(header(record, "content-type")).isEqualTo("application/json");
      // Written outside any span: a trace of its own, sampled or not by the sampling rate.
      assertThat(header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
      assertThat(Instant.parse(header(record, "ce_time")))
          .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }
    // Published and known done: nothing waits for it, and it never needed a marker.
    await()
        .atMost(TIMEOUT)
        .until(() -> pending.countByCollection().values().stream().allMatch(n -> n == 0));
    assertThat(
            mongo
                .getCollection("outbox_pending")
                .countDocuments(new org.bson.Document("_id", event.eventId())))
        .isZero();
    await()
        .atMost(TIMEOUT)
        .until(() -> listener.handled.stream().anyMatch(c -> c.customerId().equals(customerId)));
  }

  @Test
  void a_gathering_listener_is_a_batch_listener_whose_fetches_wait_for_more_records() {
    var container = listeners.getListenerContainer(GatheringCustomers.ID);
    assertThat(container).isNotNull();
    assertThat(container.getContainerProperties().getKafkaConsumerProperties())
        .containsEntry("fetch.min.bytes", String.valueOf(GatheringListener.FETCH_MIN_BYTES))
        .containsEntry("fetch.max.wait.ms", String.valueOf(GatheringListener.FETCH_MAX_WAIT_MS));
    assertThat(container.getContainerProperties().getMessageListener())
        .isInstanceOf(BatchMessageListener.class);
    List<String> customerIds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String customerId = "c-" + UUID.randomUUID();
      customerIds.add(customerId);
      producer.send(cloudEvent(customer(customerId, "Gathered " + i)));
    }
    producer.flush();

    await().atMost(TIMEOUT).until(() -> gathering.keys.containsAll(customerIds));
  }

  @Test
  void a_redelivered_event_is_handled_once() {
    String customerId = "c-" + UUID.randomUUID();
    ProducerRecord<String, String> record = cloudEvent(customer(customerId, "Grace"));
    producer.send(record);
    producer.send(record);
    String marker = "c-" + UUID.randomUUID();
    // Same key, same partition: once the marker is handled, both copies have been consumed.
    producer.send(
        cloudEvent(
            customerId,
            EventTypes.CUSTOMER_REGISTERED,
            events.create(marker, customer(marker, "Marker")).data()));

    await()
        .atMost(TIMEOUT)
        .until(() -> listener.handled.stream().anyMatch(c -> c.customerId().equals(marker)));
    assertThat(listener.handled).filteredOn(c -> c.customerId().equals(customerId)).hasSize(1);
  }

  @Test
  void invalid_and_failing_events_go_to_the_dead_letter_topic_and_the_partition_moves_on() {
    String key = "same-partition-" + UUID.randomUUID();
    ProducerRecord<String, String> missingFields =
        cloudEvent(key, EventTypes.CUSTOMER_REGISTERED, "{\"customerId\":\"x\"}");
    ProducerRecord<String, String> badJson =
        cloudEvent(key, EventTypes.CUSTOMER_REGISTERED, "{not json");
    ProducerRecord<String, String> failing = cloudEvent(customer(key, "poison"));
    // A type this consumer does not handle (a newer one, say) is passed over, not dead-lettered.
    ProducerRecord<String, String> otherType =
        cloudEvent(key, "crossdesk.customer.relocated.v1", "{}");
    String behindId = "c-" + UUID.randomUUID();
    CustomerRegistered behind = customer(behindId, "Behind");
    ProducerRecord<String, String> valid =
        cloudEvent(key, EventTypes.CUSTOMER_REGISTERED, events.create(behindId, behind).data());
    List.of(missingFields, badJson, failing, otherType, valid).forEach(producer::send);

    await()
        .atMost(TIMEOUT)
        .until(() -> listener.handled.stream().anyMatch(c -> c.customerId().equals(behindId)));
    try (TopicRecorder dlt = TopicRecorder.of(Topics.deadLetterOf(Topics.CUSTOMERS))) {
      for (ProducerRecord<String, String> dead : List.of(missingFields, badJson, failing)) {
        String id = eventId(dead);
        ConsumerRecord<String, String> letter =
            dlt.await(r -> id.equals(header(r, "ce_id")), TIMEOUT);
        assertThat(header(letter, DeadLetters.REASON_HEADER)).isNotBlank();
        assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.CUSTOMERS);
      }
      assertThat(dlt.all(r -> eventId(otherType).equals(header(r, "ce_id")))).isEmpty();
    }
  }

  @Test
  void a_failure_inside_a_batch_keeps_the_events_before_it_retries_it_and_goes_on_behind_it() {
    String key = "batch-" + UUID.randomUUID();
    List<CustomerRegistered> sent =
        List.of(
            customer(key, "First"),
            customer("c-" + UUID.randomUUID(), "flaky"),
            customer("c-" + UUID.randomUUID(), "Last"));
    MessageListenerContainer container = listeners.getListenerContainer(CustomerListener.ID);
    // Paused, so the three wait on the broker and come in one poll.
    container.pause();
    await().atMost(TIMEOUT).until(container::isPauseRequested);
    try {
      // One key, so one partition, in this order.
      sent.forEach(
          customer ->
              producer.send(
                  cloudEvent(
                      key,
                      EventTypes.CUSTOMER_REGISTERED,
                      events.create(customer.customerId(), customer).data())));
      producer.flush();
    } finally {
      container.resume();
    }

    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                listener.handled.stream()
                    .anyMatch(c -> c.name().equals("Last") && sent.contains(c)));
    assertThat(listener.batchSizes).anyMatch(size -> size >= 3);
    assertThat(listener.handled).filteredOn(sent::contains).containsExactlyElementsOf(sent);
    assertThat(listener.attempts.get(sent.get(0).customerId())).hasValue(1);
    assertThat(listener.attempts.get(sent.get(1).customerId())).hasValue(2);
    assertThat(listener.attempts.get(sent.get(2).customerId())).hasValue(1);
  }

  @Test
  void an_operator_lists_a_dead_letter_as_stuck_work_and_retries_it_once_the_cause_is_fixed()
      throws Exception {
    String customerId = "c-" + UUID.randomUUID();
    ProducerRecord<String, String> late = cloudEvent(customer(customerId, "late"));
    String eventId = new String(late.headers().lastHeader("ce_id").value());
    producer.send(late);

    String deadLetters = "/api/admin/stuck-work?kind=dead-letter";
    await()
        .atMost(TIMEOUT)
        .until(() -> get(deadLetters, TestTokens.admin()).body().contains(eventId));
    JsonNode letter =
        StreamSupport.stream(
                JSON.readTree(get(deadLetters, TestTokens.admin()).body()).spliterator(), false)
            .filter(node -> eventId.equals(node.get("details").get("eventId").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(letter.get("kind").asString()).isEqualTo("dead-letter");
    assertThat(letter.get("details").get("consumerGroup").asString())
        .isEqualTo("platform-test.customers");
    assertThat(letter.get("details").get("originalTopic").asString()).isEqualTo(Topics.CUSTOMERS);
    assertThat(letter.get("reason").asString()).contains("not ready for late comers");
    assertThat(get("/api/admin/stuck-work", TestTokens.agent()).statusCode()).isEqualTo(403);
    HttpResponse<String> badLimit = get("/api/admin/stuck-work?limit=0", TestTokens.admin());
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(badLimit.body()).contains("\"field\":\"limit\"");
    HttpResponse<String> badKind = get("/api/admin/stuck-work?kind=misc", TestTokens.admin());
    assertThat(badKind.statusCode()).isEqualTo(400);
    assertThat(badKind.body()).contains("\"field\":\"kind\"");

    listener.acceptLateComers.set(true);
    String retry =
        "/api/admin/stuck-work/dead-letter/%s/retry".formatted(letter.get("id").asString());
    assertThat(post(retry, TestTokens.admin()).statusCode()).isEqualTo(202);
    await()
        .atMost(TIMEOUT)
        .until(() -> listener.handled.stream().anyMatch(c -> c.customerId().equals(customerId)));
    assertThat(
            post(
                    "/api/admin/stuck-work/dead-letter/crossdesk.customers.dlt:0:999999/retry",
                    TestTokens.admin())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void a_deadline_whose_handler_keeps_failing_is_parked_listed_as_stuck_work_and_retried()
      throws Exception {
    DeadlineKey key = new DeadlineKey("parcel.reminder", "broken-" + UUID.randomUUID(), "pick-up");
    reminders.failing.add(key.aggregateId());

    deadlines.schedule(key, Instant.now(), Map.of("channel", "sms"));

    String parked = "/api/admin/stuck-work?kind=deadline";
    await().atMost(TIMEOUT).until(() -> get(parked, TestTokens.admin()).body().contains(key.id()));
    JsonNode item =
        StreamSupport.stream(
                JSON.readTree(get(parked, TestTokens.admin()).body()).spliterator(), false)
            .filter(node -> key.id().equals(node.get("id").asString()))
            .findFirst()
            .orElseThrow();
    assertThat(item.get("reason").asString()).contains("the printer is jammed");
    assertThat(item.get("attempts").asInt()).isEqualTo(2);
    assertThat(reminders.fired.stream().filter(fired -> fired.key().equals(key))).isEmpty();

    reminders.failing.remove(key.aggregateId());
    String retry =
        "/api/admin/stuck-work/deadline/%s/retry"
            .formatted(
                java.net.URLEncoder.encode(key.id(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(post(retry, TestTokens.admin()).statusCode()).isEqualTo(202);
    await()
        .atMost(TIMEOUT)
        .until(() -> reminders.fired.stream().anyMatch(fired -> fired.key().equals(key)));
    assertThat(get(parked, TestTokens.admin()).body()).doesNotContain(key.id());
    assertThat(post(retry, TestTokens.admin()).statusCode()).isEqualTo(404);
  }

  @Test
  void a_scheduled_deadline_fires_its_handler_bean_once_and_is_counted() throws Exception {
    DeadlineKey key = new DeadlineKey("parcel.reminder", "p-" + UUID.randomUUID(), "pick-up");

    deadlines.schedule(key, Instant.now(), Map.of("channel", "sms"));

    await()
        .atMost(TIMEOUT)
        .until(() -> reminders.fired.stream().anyMatch(fired -> fired.key().equals(key)));
    assertThat(reminders.fired.stream().filter(fired -> fired.key().equals(key)))
        .singleElement()
        .satisfies(fired -> assertThat(fired.data("channel")).isEqualTo("sms"));
    assertThat(deadlines.find(key)).isEmpty();
    assertThat(get("/actuator/prometheus", null).body())
        .contains("crossdesk_deadlines_fired_total{kind=\"parcel.reminder\"}")
        .contains("crossdesk_deadlines_due{kind=\"parcel.reminder\"}");
  }

  @Test
  void a_calendar_spec_is_stored_and_read_back_as_a_plain_record() {
    CalendarSpec spec =
        new CalendarSpec(
            "Europe/Berlin",
            Map.of(DayOfWeek.MONDAY, List.of("09:00-12:00", "13:00-18:00")),
            List.of(LocalDate.parse("2026-12-24")),
            List.of(LocalDate.parse("2026-12-27")));

    mongo.save(new StoredCalendar("desk-berlin", spec));

    assertThat(mongo.findById("desk-berlin", StoredCalendar.class).spec()).isEqualTo(spec);
  }

  @Test
  void requests_without_a_valid_token_get_401_problem_details() throws Exception {
    HttpResponse<String> anonymous = get("/whoami", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(anonymous.body()).contains("A valid bearer token is required.");

    String wrongIssuer =
        "Bearer "
            + TestTokens.token(
                "someone-else", "agent-7", List.of("AGENT"), Map.of(), Duration.ofMinutes(5));
    HttpResponse<String> rejected = get("/whoami", wrongIssuer);
    assertThat(rejected.statusCode()).isEqualTo(401);
    assertThat(rejected.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
    assertThat(rejected.body()).contains("The bearer token was rejected");
    assertThat(
            get(
                    "/whoami",
                    "Bearer " + TestTokens.forAudience("payroll", "agent-7", List.of("AGENT")))
                .statusCode())
        .isEqualTo(401);

    HttpResponse<String> agent = get("/whoami", TestTokens.agent());
    assertThat(agent.statusCode()).isEqualTo(200);
    assertThat(agent.body()).contains("\"subject\":\"agent-7\"").contains("AGENT");
  }

  @Test
  void invalid_fields_are_named_in_the_problem_details() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/greetings"))
                .header("Authorization", TestTokens.agent())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"mood\":\"exuberant\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("\"field\":\"name\"").contains("\"field\":\"mood\"");
  }

  @Test
  void an_unreadable_value_is_named_in_the_problem_details() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/greetings"))
                .header("Authorization", TestTokens.agent())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":{\"nested\":1}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"name\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"name\":{\"$ne\":null}}                  | /name/$ne",
        "{\"name\":\"Ann\",\"$where\":\"1 == 1\"}   | /$where",
        "{\"name\":\"Ann\",\"x\":[{\"a.b\":1}]}      | /x/0/a.b",
        "{\"name\":\"Ann\",\"\\u0024gt\":\"\"}     | /$gt",
        "{\"name\":\"A\\ud800nn\"}                | /name"
      })
  void a_key_that_could_be_read_as_an_operator_or_a_path_is_refused_before_binding(
      String body, String pointer) throws Exception {
    HttpResponse<String> response = postJson("/greetings", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(response.body()).at("/errors/0/field").asString()).isEqualTo(pointer);
  }

  @Test
  void fields_a_request_does_not_have_are_never_bound_and_operator_like_values_are_text()
      throws Exception {
    HttpResponse<String> response =
        postJson(
            "/greetings",
            "{\"name\":\"$where\",\"mood\":\"a.b\",\"id\":\"g-1\",\"version\":9,"
                + "\"owner\":\"mallory\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).propertyNames())
        .containsExactlyInAnyOrder("name", "mood");
    assertThat(response.body()).contains("\"name\":\"$where\"").contains("\"mood\":\"a.b\"");
  }

  @Test
  void a_caller_without_the_capability_hears_403_before_the_body_is_read() throws Exception {
    String invalid = "{\"name\":\"\",\"mood\":\"exuberant\"}";

    HttpResponse<String> agent = postJson("/announcements", invalid, TestTokens.agent());
    HttpResponse<String> admin = postJson("/announcements", invalid, TestTokens.admin());
    HttpResponse<String> adminValid =
        postJson("/announcements", "{\"name\":\"Ann\"}", TestTokens.admin());

    assertThat(agent.statusCode()).isEqualTo(403);
    assertThat(agent.body()).doesNotContain("mood");
    assertThat(admin.statusCode()).isEqualTo(400);
    assertThat(admin.body()).contains("\"field\":\"mood\"");
    assertThat(adminValid.statusCode()).isEqualTo(200);
  }

  @Test
  void the_api_is_described_as_openapi_without_a_token() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs", null);
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body())
        .contains("\"openapi\":\"3.")
        .contains("/greetings")
        .contains("\"bearerFormat\":\"JWT\"");
    JsonNode api = JSON.readTree(docs.body());
    assertThat(api.at("/components/schemas/Problem/properties/errors/type").asString())
        .isEqualTo("array");
    JsonNode announce = api.at("/paths/~1announcements/post/responses");
    assertThat(announce.propertyNames()).contains("400", "401", "403", "429", "503");
    assertThat(announce.get("403").get("$ref").asString())
        .isEqualTo("#/components/responses/Problem403");
    assertThat(api.at("/components/responses/Problem400/content").has("application/problem+json"))
        .isTrue();
  }

  private HttpResponse<String> postJson(String path, String body) throws Exception {
    return postJson(path, body, TestTokens.agent());
  }

  private HttpResponse<String> postJson(String path, String body, String authorization)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String authorization) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private ProducerRecord<String, String> cloudEvent(CustomerRegistered customer) {
    EventMessage event = events.create(customer.customerId(), customer);
    return CloudEventsBinding.toRecord(event);
  }

  private static ProducerRecord<String, String> cloudEvent(String key, String type, String data) {
    return CloudEventsBinding.toRecord(
        new EventMessage(
            UUID.randomUUID().toString(),
            "/test",
            type,
            key,
            Instant.now(),
            null,
            Topics.CUSTOMERS,
            key,
            data));
  }

  private static String eventId(ProducerRecord<String, String> record) {
    return new String(record.headers().lastHeader("ce_id").value());
  }

  private static CustomerRegistered customer(String id, String name) {
    return new CustomerRegistered(
        id, name, "INDIVIDUAL", "B", "+1 555 0100", "x@example.com", Instant.now());
  }
}
