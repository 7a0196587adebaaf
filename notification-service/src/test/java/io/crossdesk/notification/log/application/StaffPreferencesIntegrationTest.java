package io.crossdesk.notification.log.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketEscalated;
import io.crossdesk.notification.log.persistence.StaffPreferencesStore;
import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.FiredDeadline;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.MessageSinks;
import io.crossdesk.testsupport.TestTokens;
import jakarta.mail.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff choose how they hear of the messages addressed to them personally: their feed always, and
 * e-mail or SMS at once, or one e-mail a day.
 */
@CrossdeskIntegrationTest
class StaffPreferencesIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired StaffDigests digests;
  @Autowired Deadlines deadlines;
  @Autowired StaffPreferencesStore store;

  private final HttpClient http = HttpClient.newHttpClient();
  private final CloudEventsProducer producer = CloudEventsProducer.forTestBroker();

  @AfterEach
  void close() {
    producer.close();
  }

  @Test
  void an_owner_gets_an_escalation_by_e_mail_at_once_or_gathered_into_the_daily_digest()
      throws Exception {
    String prompt = unique("prompt");
    String gathered = unique("gathered");
    String promptMail = prompt + "@example.org";
    String digestMail = gathered + "@example.org";
    assertThat(
            put(prompt, "{\"channels\":[\"EMAIL\"],\"email\":\"" + promptMail + "\"}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> digest =
        put(
            gathered,
            "{\"channels\":[\"EMAIL\"],\"email\":\""
                + digestMail
                + "\",\"digest\":true,\"digestAt\":\"07:30\",\"zone\":\"Asia/Shanghai\"}");
    assertThat(digest.statusCode()).isEqualTo(200);
    assertThat(json.readTree(digest.body()).path("digest").asBoolean()).isTrue();

    String first = escalate(prompt, 1);
    String ticket = unique("T");
    ProducerRecord<String, String> once = escalation(gathered, ticket, 1);
    // Delivered twice before the digest, as after a crash before the offset was committed.
    producer.send(once);
    producer.send(once);
    escalate(gathered, 2);

    assertThat(MessageSinks.readOverImap(promptMail, 1, PATIENCE).get(0).getSubject())
        .contains(first);
    DeadlineKey next = new DeadlineKey(StaffDigests.KIND, gathered, "next");
    await().atMost(PATIENCE).until(() -> deadlines.find(next).isPresent());
    Instant due = deadlines.find(next).orElseThrow().dueAt();
    assertThat(due.atZone(ZoneId.of("Asia/Shanghai")).toLocalTime()).isEqualTo(LocalTime.of(7, 30));
    await().atMost(PATIENCE).until(() -> digestsPending(gathered) == 2);

    // The digest deadline fires as the platform's poller would fire it at 07:30 Shanghai time.
    digests.fire(new FiredDeadline(next, due, Map.of(), 1, due));

    List<Message> daily = MessageSinks.readOverImap(digestMail, 1, PATIENCE);
    assertThat(daily).hasSize(1);
    assertThat(daily.get(0).getSubject()).contains("2 messages");
    assertThat((String) daily.get(0).getContent()).contains("Escalation");
    // The sent digest's entries are cleared once its delivery is recorded, which may come a moment
    // after the mail server has the message.
    await().atMost(PATIENCE).until(() -> digestsPending(gathered) == 0);

    // Delivered again after the digest that carried it: not waiting for the next one. The next
    // escalation of the same ticket comes after it on the same partition.
    producer.send(once);
    producer.send(escalation(gathered, ticket, 3));
    await().atMost(PATIENCE).until(() -> digestsPending(gathered) == 1);
    assertThat(store.digestState(gathered).orElseThrow().pending())
        .singleElement()
        .satisfies(item -> assertThat(item.subject()).contains("level 3"));
  }

  @Test
  void preferences_that_cannot_be_taken_name_each_field_and_change_nothing() throws Exception {
    String user = unique("agent");
    HttpResponse<String> refused =
        put(
            user,
            "{\"channels\":[\"PIGEON\",\"SMS\"],\"email\":\"not-an-address\",\"digest\":true,"
                + "\"digestAt\":\"25:99\",\"zone\":\"Mars/Olympus\"}");

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json.readTree(refused.body()).path("errors").findValuesAsString("field"))
        .contains("channels", "email", "phone", "digestAt", "zone");
    JsonNode unchanged = json.readTree(get(user).body());
    assertThat(unchanged.path("channels").size()).isZero();
    assertThat(unchanged.path("digest").asBoolean()).isFalse();
  }

  private int digestsPending(String user) {
    return store.digestState(user).map(state -> state.pending().size()).orElse(0);
  }

  /** Escalates a new ticket owned by {@code owner}; returns its number. */
  private String escalate(String owner, int level) {
    String ticketId = unique("T");
    producer.send(escalation(owner, ticketId, level));
    return "CD-" + ticketId.substring(2);
  }

  private ProducerRecord<String, String> escalation(String owner, String ticketId, int level) {
    String number = "CD-" + ticketId.substring(2);
    Instant resolveBy = Instant.now().minus(Duration.ofMinutes(10));
    return CloudEventsProducer.event(
        Topics.TICKETS,
        ticketId,
        EventTypes.TICKET_ESCALATED,
        json.writeValueAsString(
            new TicketEscalated(
                ticketId,
                number,
                unique("C"),
                "A",
                "NETWORK",
                "HIGH",
                level,
                "RESOLUTION_TARGET",
                100,
                owner,
                "noc",
                resolveBy,
                Instant.now())));
  }

  private HttpResponse<String> put(String user, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri())
            .header("Authorization", TestTokens.bearer(user, List.of("AGENT"), Map.of()))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri())
            .header("Authorization", TestTokens.bearer(user, List.of("AGENT"), Map.of()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri() {
    return URI.create("http://localhost:" + port + "/api/notifications/preferences");
  }

  private static String unique(String prefix) {
    return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
  }
}
