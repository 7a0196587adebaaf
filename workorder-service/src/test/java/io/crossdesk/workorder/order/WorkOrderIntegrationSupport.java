package io.crossdesk.workorder.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.platform.events.EventSchemas;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.TopicRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tickets in, work-order events and HTTP answers out, for the work-order integration tests. */
final class WorkOrderIntegrationSupport {

  static final Duration PATIENCE = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json;
  private final int port;
  private final CloudEventsProducer producer;
  private final TopicRecorder recorder;

  WorkOrderIntegrationSupport(
      JsonMapper json, int port, CloudEventsProducer producer, TopicRecorder recorder) {
    this.json = json;
    this.port = port;
    this.producer = producer;
    this.recorder = recorder;
  }

  static TicketOpened ticket(String type, String category, String title, String tier) {
    Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new TicketOpened(
        "T-" + UUID.randomUUID(),
        "C-" + UUID.randomUUID().toString().substring(0, 8),
        tier,
        "HOTLINE",
        category,
        "HIGH",
        title,
        null,
        "agent-7",
        null,
        null,
        openedAt,
        openedAt.plus(4, ChronoUnit.HOURS),
        "CD-" + openedAt.toEpochMilli(),
        type,
        "agent-7",
        false,
        null);
  }

  static TicketOpened inRegion(TicketOpened ticket, String region) {
    return new TicketOpened(
        ticket.ticketId(),
        ticket.customerId(),
        ticket.customerTier(),
        ticket.channel(),
        ticket.category(),
        ticket.priority(),
        ticket.title(),
        ticket.description(),
        ticket.openedBy(),
        ticket.sourceSystem(),
        ticket.externalId(),
        ticket.openedAt(),
        ticket.resolveBy(),
        ticket.ticketNumber(),
        ticket.ticketType(),
        ticket.owner(),
        ticket.resolvedAtFirstContact(),
        region);
  }

  String publishOpened(String key, String data) {
    return producer.publish(Topics.TICKETS, key, EventTypes.TICKET_OPENED, data);
  }

  String data(Record event) {
    return json.writeValueAsString(event);
  }

  JsonNode read(String text) {
    return json.readTree(text);
  }

  /** The first step's WorkOrderRouted of the ticket's first work order. */
  JsonNode routeAndAwait(TicketOpened ticket) {
    publishOpened(ticket.ticketId(), data(ticket));
    return json.readTree(recorder.await(routedOfTicket(ticket.ticketId()), PATIENCE).value());
  }

  /** Waits for an event of {@code type} about the work order that {@code matches}. */
  JsonNode awaitEvent(String type, String workOrderId, Predicate<JsonNode> matches) {
    ConsumerRecord<String, String> record =
        recorder.await(event(type, workOrderId, matches), PATIENCE);
    assertThat(EventSchemas.violations(EventCatalogue.byType(type).orElseThrow(), record.value()))
        .isEmpty();
    return json.readTree(record.value());
  }

  List<JsonNode> events(String type, String workOrderId, Predicate<JsonNode> matches) {
    return recorder.all(event(type, workOrderId, matches)).stream()
        .map(record -> json.readTree(record.value()))
        .toList();
  }

  Predicate<ConsumerRecord<String, String>> routedOfTicket(String ticketId) {
    return record ->
        record.topic().equals(Topics.WORKORDERS)
            && EventTypes.WORKORDER_ROUTED.equals(TopicRecorder.header(record, "ce_type"))
            && ticketId.equals(json.readTree(record.value()).get("ticketId").asString());
  }

  private Predicate<ConsumerRecord<String, String>> event(
      String type, String workOrderId, Predicate<JsonNode> matches) {
    return record ->
        record.topic().equals(Topics.WORKORDERS)
            && type.equals(TopicRecorder.header(record, "ce_type"))
            && workOrderId.equals(record.key())
            && matches.test(json.readTree(record.value()));
  }

  HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET(), bearer);
  }

  HttpResponse<String> post(String path, String bearer, String body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)),
        bearer);
  }

  HttpResponse<String> delete(String path, String bearer) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), bearer);
  }

  HttpResponse<String> put(String path, String bearer, String body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)),
        bearer);
  }

  JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  JsonNode assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    return problem;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String bearer)
      throws IOException, InterruptedException {
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
