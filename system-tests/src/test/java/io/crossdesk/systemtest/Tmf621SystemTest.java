package io.crossdesk.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.crossdesk.testsupport.Tmf621Contract;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OSS system follows tickets through the TMF621 Trouble Ticket API, through the gateway, on the
 * running system: it registers a listener, opens a ticket, filters and projects lists, adds a note,
 * hears the status change when a department takes the ticket and when the desk resolves it, and
 * closes it. Every request, every answer and every event the listener receives is checked against
 * TM Forum's official v4 document.
 */
@ExtendWith(SharedSystem.class)
class Tmf621SystemTest {

  private static final String API = "/tmf-api/troubleTicket/v4";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static GatewayClient gateway;
  private static Desk desk;

  @BeforeAll
  static void findSystem() {
    gateway = SharedSystem.gateway();
    desk = new Desk(gateway);
  }

  /** A notification the listener received. */
  record Received(String body, Map<String, List<String>> headers) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    String eventType() {
      return json().path("eventType").asString();
    }
  }

  @Test
  void an_oss_opens_follows_and_closes_a_ticket_and_hears_its_status_changes() throws Exception {
    String oss = "oss-" + UUID.randomUUID().toString().substring(0, 8);
    String token =
        gateway.token(
            "{\"sub\":\"%s\",\"roles\":[\"SYSTEM\"],\"scope\":\"tmf621\"}".formatted(oss));
    String customerId = desk.registerCustomer("Lin Hai", "ENTERPRISE", "A");
    List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    listener.createContext(
        "/tmf-listener",
        exchange -> {
          received.add(
              new Received(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  Map.copyOf(exchange.getRequestHeaders())));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    listener.start();
    try {
      // The listener registers for what an OSS follows.
      String hub =
          """
          {"callback":"http://127.0.0.1:%d/tmf-listener",
           "query":"eventType=TroubleTicketCreateEvent,TroubleTicketStatusChangeEvent,TroubleTicketResolvedEvent"}"""
              .formatted(listener.getAddress().getPort());
      HttpResponse<String> registered = exchange("POST", API + "/hub", hub, token);
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      String hubId = json(registered).path("id").asString();
      String secret = registered.headers().firstValue("Crossdesk-Webhook-Secret").orElseThrow();

      // It opens a ticket for the customer, under its own reference.
      HttpResponse<String> created =
          exchange(
              "POST",
              API + "/troubleTicket",
              """
              {"name":"Leased line down","description":"The leased line to the Pudong office is down.",
               "severity":"Critical","ticketType":"NETWORK","externalId":"INC-%s",
               "relatedParty":[{"id":"%s","role":"customer","@referredType":"Customer"}]}"""
                  .formatted(oss, customerId),
              token);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      JsonNode ticket = json(created);
      String id = ticket.path("id").asString();
      assertThat(ticket.path("status").asString()).isEqualTo("acknowledged");
      assertThat(ticket.path("priority").asString()).isEqualTo("Urgent");

      // A department takes it: in progress, and the listener hears of it.
      await().atMost(TIMEOUT).until(() -> status(id, token).equals("inProgress"));
      Received inProgress =
          awaitEvent(received, "TroubleTicketStatusChangeEvent", id, "inProgress");

      // Lists filter on the TMF attributes, page, count and project.
      HttpResponse<String> listed =
          exchange(
              "GET",
              API
                  + "/troubleTicket?status=inProgress&severity=Critical&relatedParty.id="
                  + customerId
                  + "&creationDate.gte="
                  + Instant.now().minusSeconds(600)
                  + "&fields=status,severity,externalId&limit=10",
              null,
              token);
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
      assertThat(listed.headers().firstValue("X-Total-Count")).contains("1");
      assertThat(listed.headers().firstValue("X-Result-Count")).contains("1");
      JsonNode only = json(listed).get(0);
      assertThat(only.path("id").asString()).isEqualTo(id);
      assertThat(only.propertyNames())
          .containsExactlyInAnyOrder("id", "href", "status", "severity", "externalId", "@type");
      assertThat(
              json(
                  exchange(
                      "GET",
                      API + "/troubleTicket?status=resolved&relatedParty.id=" + customerId,
                      null,
                      token)))
          .isEmpty();

      // It adds what the customer told it; the desk reads it on the ticket.
      HttpResponse<String> noted =
          exchange(
              "PATCH",
              API + "/troubleTicket/" + id,
              "application/merge-patch+json",
              "{\"note\":[{\"text\":\"The customer says the router shows a red light\"}]}",
              token);
      assertThat(noted.statusCode()).as(noted.body()).isEqualTo(200);
      assertThat(desk.ticket(id, desk.agent()).path("timeline").toString())
          .contains("router shows a red light");

      // A status the lifecycle forbids: 409, nothing changes.
      HttpResponse<String> tooEarly =
          exchange(
              "PATCH",
              API + "/troubleTicket/" + id,
              "application/merge-patch+json",
              "{\"status\":\"closed\"}",
              token);
      assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
      assertThat(status(id, token)).isEqualTo("inProgress");

      // The desk resolves it: a status change and a resolution reach the listener.
      desk.act(id, "resolve", "{\"resolution\":\"Replaced the line card\"}", desk.agent());
      awaitEvent(received, "TroubleTicketStatusChangeEvent", id, "resolved");
      Received resolved = awaitEvent(received, "TroubleTicketResolvedEvent", id, "resolved");
      assertThat(
              resolved.json().path("event").path("troubleTicket").path("resolutionDate").asString())
          .isNotEmpty();

      // The OSS confirms the resolution on the customer's behalf: closed.
      HttpResponse<String> closed =
          exchange(
              "PATCH",
              API + "/troubleTicket/" + id,
              "application/merge-patch+json",
              "{\"status\":\"closed\"}",
              token);
      assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
      assertThat(
              json(closed).path("statusChange").valueStream().map(c -> c.path("status").asString()))
          .containsExactly("acknowledged", "inProgress", "resolved", "closed");
      awaitEvent(received, "TroubleTicketStatusChangeEvent", id, "closed");

      // Every notification is TMF's, validates against the document, and is signed.
      assertThat(received.stream().map(Received::eventType).filter(type -> !type.isEmpty()))
          .contains("TroubleTicketCreateEvent");
      for (Received event : received) {
        assertThat(Tmf621Contract.eventProblems(event.eventType(), event.body()))
            .as(event.body())
            .isEmpty();
        assertThatCode(() -> new Webhook(secret).verify(event.body(), lowerCased(event.headers())))
            .doesNotThrowAnyException();
      }
      assertThat(inProgress.json().path("event").path("troubleTicket").path("id").asString())
          .isEqualTo(id);

      // Another system neither sees the ticket nor hears of it.
      String other =
          gateway.token("{\"sub\":\"other-oss\",\"roles\":[\"SYSTEM\"],\"scope\":\"tmf621\"}");
      assertThat(exchange("GET", API + "/troubleTicket/" + id, null, other).statusCode())
          .isEqualTo(404);

      // Unregistered, the listener hears nothing more.
      assertThat(exchange("DELETE", API + "/hub/" + hubId, null, token).statusCode())
          .isEqualTo(204);
    } finally {
      listener.stop(0);
    }
  }

  private static String status(String id, String token) {
    return json(exchange("GET", API + "/troubleTicket/" + id + "?fields=status", null, token))
        .path("status")
        .asString();
  }

  private static Received awaitEvent(
      List<Received> received, String type, String ticketId, String status) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () ->
                received.stream()
                    .filter(event -> event.eventType().equals(type))
                    .filter(
                        event -> {
                          JsonNode troubleTicket = event.json().path("event").path("troubleTicket");
                          return troubleTicket.path("id").asString().equals(ticketId)
                              && troubleTicket.path("status").asString().equals(status);
                        })
                    .findFirst()
                    .orElse(null),
            event -> event != null);
  }

  /** Sends through the gateway and checks request and answer against the official document. */
  private static HttpResponse<String> exchange(
      String method, String path, String body, String token) {
    return exchange(method, path, "application/json", body, token);
  }

  private static HttpResponse<String> exchange(
      String method, String path, String contentType, String body, String token) {
    HttpResponse<String> response = gateway.exchange(method, path, contentType, body, token);
    URI uri = URI.create("http://gateway" + path);
    assertThat(
            response.statusCode() < 400
                ? Tmf621Contract.problems(method, uri, contentType, body, response)
                : Tmf621Contract.responseProblems(method, uri, response))
        .as(method + " " + path + " -> " + response.statusCode() + " " + response.body())
        .isEmpty();
    return response;
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** The receiving server capitalises header names; Standard Webhooks reads them lower-case. */
  private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
    return headers.entrySet().stream()
        .collect(
            Collectors.toMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
  }
}
