package io.crossdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestInfrastructureInitializer;
import io.crossdesk.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * Two analytics-service instances on one store and one broker, as production scales out, one of
 * them stopped mid-stream: the other takes over its partitions and state, and every figure counts
 * each event exactly once, a republished one included.
 *
 * <p>The class's own test context runs an engine of its own name, apart from the two instances'.
 */
@CrossdeskIntegrationTest
@TestPropertySource(
    properties = {
      "crossdesk.analytics.state-dir=target/kafka-streams/${random.uuid}",
      "crossdesk.analytics.application-id=analytics-two-instances-context-${random.uuid}",
      "spring.kafka.listener.auto-startup=false"
    })
class TwoInstancesIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration ASYNC = Duration.ofSeconds(90);
  private static final int TICKETS = 60;

  private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
  private static CloudEventsProducer producer;

  @BeforeAll
  static void startTwoInstances() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 2; i++) {
      INSTANCES.add(instance(run, i));
    }
    producer = CloudEventsProducer.forTestBroker();
  }

  @AfterAll
  static void stop() {
    INSTANCES.forEach(ConfigurableApplicationContext::close);
    producer.close();
  }

  private static ConfigurableApplicationContext instance(String run, int number) {
    return new SpringApplicationBuilder(AnalyticsServiceApplication.class)
        .run(
            TestInfrastructureInitializer.arguments(
                "test-two-" + run,
                "--server.port=0",
                "--crossdesk.analytics.application-id=analytics-two-" + run,
                "--crossdesk.analytics.state-dir=target/kafka-streams/two-" + run + "-" + number));
  }

  @Test
  void every_event_counts_once_while_one_instance_stops_mid_stream() throws Exception {
    Instant day = Instant.parse("2024-02-29T00:00:00Z");
    for (int i = 0; i < TICKETS; i++) {
      String ticketId = "T-" + UUID.randomUUID();
      Instant opened = day.plusSeconds(60L * i);
      TicketOpened ticket =
          new TicketOpened(
              ticketId,
              "C-1",
              "B",
              "WEB",
              "NETWORK",
              "NORMAL",
              "Request",
              null,
              "agent-7",
              null,
              null,
              opened,
              opened.plusSeconds(14_400),
              "CD-" + i,
              "FAULT",
              null,
              null,
              "CN-SH");
      var openedEvent =
          CloudEventsProducer.event(
              Topics.TICKETS, ticketId, EventTypes.TICKET_OPENED, JSON.writeValueAsString(ticket));
      producer.send(openedEvent);
      if (i % 10 == 0) {
        // The outbox published it twice: the same event id again.
        producer.send(openedEvent);
      }
      producer.send(
          CloudEventsProducer.event(
              Topics.TICKETS,
              ticketId,
              EventTypes.TICKET_RESOLVED,
              JSON.writeValueAsString(
                  new TicketResolved(
                      ticketId,
                      "CD-" + i,
                      "C-1",
                      "B",
                      "FAULT",
                      "NETWORK",
                      "WEB",
                      "billing",
                      "Done",
                      "agent-7",
                      false,
                      i % 4 == 0,
                      1,
                      opened,
                      opened.plusSeconds(14_400),
                      opened.plusSeconds(3_600)))));
      if (i == TICKETS / 2) {
        // The other instance takes over its partitions, with the state their changelogs hold.
        INSTANCES.get(0).close();
      }
    }

    JsonNode kpis =
        await()
            .atMost(ASYNC)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> dayKpis(INSTANCES.get(1)),
                k -> k != null && k.path("ticketsResolved").asLong() >= TICKETS);
    assertThat(kpis.path("ticketsOpened").asLong()).isEqualTo(TICKETS);
    assertThat(kpis.path("ticketsResolved").asLong()).isEqualTo(TICKETS);
    assertThat(kpis.path("resolutionSla").path("breached").asLong()).isEqualTo(TICKETS / 4);
    assertThat(kpis.path("resolutionTime").path("averageSeconds").asDouble()).isEqualTo(3600.0);
  }

  private static JsonNode dayKpis(ConfigurableApplicationContext instance) throws Exception {
    int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/api/analytics/kpis?from=2024-02-29&to=2024-03-01"))
                    .header("Authorization", TestTokens.supervisor())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    for (JsonNode group : JSON.readTree(response.body()).path("buckets").path(0).path("groups")) {
      if ("all".equals(group.path("group").asString())) {
        return group.path("kpis");
      }
    }
    return null;
  }
}
