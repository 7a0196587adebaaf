package io.crossdesk.ticket.lifecycle;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.testsupport.OffsetClock;
import io.crossdesk.testsupport.TestInfrastructureInitializer;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.ticket.TicketServiceApplication;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.crossdesk.ticket.customer.persistence.CustomerProjection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two ticket-service instances on one store and one broker, as production scales out: every
 * escalation threshold of every ticket fires once, whichever instance gets there first.
 */
class TwoInstancesEscalationIntegrationTest {

  private static final OffsetClock CLOCK = new OffsetClock();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration ASYNC = Duration.ofSeconds(60);
  private static final int TICKETS = 12;

  private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();

  @BeforeAll
  static void startTwoInstances() {
    String database = "test-two-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 2; i++) {
      INSTANCES.add(instance(database));
    }
  }

  @AfterAll
  static void stop() {
    INSTANCES.forEach(ConfigurableApplicationContext::close);
  }

  private static ConfigurableApplicationContext instance(String database) {
    return new SpringApplicationBuilder(TicketServiceApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
        .run(
            TestInfrastructureInitializer.arguments(
                database,
                "--server.port=0",
                "--crossdesk.services.customer-uri=http://127.0.0.1:9"));
  }

  private static int port(int instance) {
    return ((WebServerApplicationContext) INSTANCES.get(instance)).getWebServer().getPort();
  }

  @Test
  void each_threshold_escalates_each_ticket_once_with_two_instances_polling() {
    String customerId = "two-" + UUID.randomUUID().toString().substring(0, 8);
    // Straight into the shared projection: the test's other application context is in the same
    // consumer groups and might take the customer events.
    INSTANCES
        .get(0)
        .getBean(CustomerProjection.class)
        .remember(new KnownCustomer(customerId, CustomerTier.B, "Two Ltd"));
    List<String> tickets = new ArrayList<>();
    Awaitility.await().atMost(ASYNC).until(() -> open(0, customerId).statusCode() == 201);
    for (int i = 0; i < TICKETS; i++) {
      HttpResponse<String> opened = open(i % 2, customerId);
      assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
      tickets.add(JSON.readTree(opened.body()).path("id").asString());
    }

    try (TopicRecorder recorder = TopicRecorder.of(Topics.TICKETS)) {
      // Tier B, URGENT: 8 hours; thresholds at 75 %, 100 % and 150 %.
      CLOCK.advance(Duration.ofHours(6).plusMinutes(5));
      awaitLevel(tickets, 1);
      CLOCK.advance(Duration.ofHours(2));
      awaitLevel(tickets, 2);
      CLOCK.advance(Duration.ofHours(4));
      awaitLevel(tickets, 3);

      Set<String> ours = Set.copyOf(tickets);
      Map<String, Set<String>> firings =
          recorder.all(TopicRecorder.ofType(EventTypes.TICKET_ESCALATED)).stream()
              .filter(record -> ours.contains(record.key()))
              .collect(
                  Collectors.groupingBy(
                      TwoInstancesEscalationIntegrationTest::ticketAndLevel,
                      Collectors.mapping(r -> header(r, "ce_id"), Collectors.toSet())));
      // A redelivered publish repeats an event id; a second firing would have made a new one.
      assertThat(firings).hasSize(TICKETS * 3).allSatisfy((key, ids) -> assertThat(ids).hasSize(1));
    }
  }

  private static String ticketAndLevel(ConsumerRecord<String, String> record) {
    return record.key() + "@" + JSON.readTree(record.value()).path("level").asInt();
  }

  private void awaitLevel(List<String> tickets, int level) {
    Awaitility.await()
        .atMost(ASYNC)
        .untilAsserted(
            () ->
                assertThat(tickets)
                    .allSatisfy(
                        id ->
                            assertThat(ticket(id).path("escalationLevel").asInt())
                                .isEqualTo(level)));
  }

  private static HttpResponse<String> open(int instance, String customerId) {
    return send(
        HttpRequest.newBuilder(uri(instance, "/api/tickets"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
                    {"customerId":"%s","channel":"HOTLINE","category":"NETWORK","priority":"URGENT",
                     "title":"Down","description":"Down since eight"}"""
                        .formatted(customerId))));
  }

  private static JsonNode ticket(String id) {
    return JSON.readTree(send(HttpRequest.newBuilder(uri(1, "/api/tickets/" + id)).GET()).body());
  }

  private static URI uri(int instance, String path) {
    return URI.create("http://127.0.0.1:" + port(instance) + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.header("Authorization", TestTokens.agent()).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
