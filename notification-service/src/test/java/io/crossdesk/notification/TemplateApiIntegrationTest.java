package io.crossdesk.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.customer.CustomerUpdated;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@CrossdeskIntegrationTest
class TemplateApiIntegrationTest {

  private static final String TEMPLATES = "/api/notifications/templates";
  private static final Instant OPENED_AT = Instant.parse("2025-03-04T09:14:00Z");

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired MongoTemplate mongo;

  private final HttpClient http = HttpClient.newHttpClient();
  private CloudEventsProducer producer;

  @BeforeEach
  void connect() {
    producer = CloudEventsProducer.forTestBroker();
  }

  @AfterEach
  void disconnect() {
    producer.close();
  }

  @Test
  void an_admin_edits_previews_and_returns_a_template_to_its_default() throws Exception {
    String path = TEMPLATES + "/ticket-closed/EMAIL/en-US";
    HttpResponse<String> shipped = call("GET", path, TestTokens.admin(), null, null);
    assertThat(shipped.statusCode()).isEqualTo(200);
    JsonNode original = json.readTree(shipped.body());
    assertThat(original.path("origin").asString()).isEqualTo("DEFAULT");
    String etag = shipped.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> edited =
        call(
            "PUT",
            path,
            TestTokens.admin(),
            etag,
            Map.of("subject", "Closed: {{ticketNumber}}", "body", "<p>Bye, {{customerName}}.</p>"));

    assertThat(edited.statusCode()).isEqualTo(200);
    JsonNode written = json.readTree(edited.body());
    assertThat(written.path("origin").asString()).isEqualTo("EDITED");
    assertThat(written.path("version").asLong()).isEqualTo(original.path("version").asLong() + 1);
    assertThat(written.path("updatedBy").asString()).isNotBlank();

    HttpResponse<String> preview =
        call(
            "POST",
            TEMPLATES + "/preview",
            TestTokens.admin(),
            null,
            Map.of(
                "kind", "ticket-closed",
                "channel", "EMAIL",
                "locale", "en-US",
                "values", Map.of("customerName", "Tom & Jerry")));
    assertThat(preview.statusCode()).isEqualTo(200);
    JsonNode rendered = json.readTree(preview.body());
    assertThat(rendered.path("subject").asString()).isEqualTo("Closed: T-2025-000123");
    assertThat(rendered.path("body").asString()).isEqualTo("<p>Bye, Tom &amp; Jerry.</p>");

    HttpResponse<String> reset = call("DELETE", path, TestTokens.admin(), null, null);
    assertThat(reset.statusCode()).isEqualTo(200);
    JsonNode back = json.readTree(call("GET", path, TestTokens.admin(), null, null).body());
    assertThat(back.path("origin").asString()).isEqualTo("DEFAULT");
    assertThat(back.path("body").asString()).isEqualTo(original.path("body").asString());
    assertThat(back.path("version").asLong()).isEqualTo(original.path("version").asLong() + 2);
  }

  @Test
  void previews_a_draft_and_lists_the_catalogue() throws Exception {
    HttpResponse<String> preview =
        call(
            "POST",
            TEMPLATES + "/preview",
            TestTokens.admin(),
            null,
            Map.of(
                "kind", "ticket-received",
                "channel", "SMS",
                "locale", "zh-CN",
                "body", "工单{{ticketNumber}}已受理"));
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(json.readTree(preview.body()).path("body").asString())
        .isEqualTo("工单T-2025-000123已受理");

    JsonNode kinds =
        json.readTree(call("GET", TEMPLATES + "/kinds", TestTokens.admin(), null, null).body());
    assertThat(kinds.size()).isEqualTo(15);

    JsonNode page =
        json.readTree(
            call(
                    "GET",
                    TEMPLATES + "?kind=ticket-received&locale=zh-CN&size=2",
                    TestTokens.admin(),
                    null,
                    null)
                .body());
    assertThat(page.path("total").asInt()).isEqualTo(3);
    assertThat(page.path("items").size()).isEqualTo(2);
  }

  @Test
  void refuses_an_unknown_placeholder_naming_the_field_and_stores_nothing() throws Exception {
    String path = TEMPLATES + "/ticket-reopened/SMS/en-US";
    HttpResponse<String> before = call("GET", path, TestTokens.admin(), null, null);

    HttpResponse<String> refused =
        call(
            "PUT",
            path,
            TestTokens.admin(),
            before.headers().firstValue("ETag").orElseThrow(),
            Map.of("body", "Ticket {{ticketNumber}} reopened, your password is {{password}}"));

    assertProblem(refused, 400);
    JsonNode errors = json.readTree(refused.body()).path("errors");
    assertThat(errors.size()).isEqualTo(1);
    assertThat(errors.path(0).path("field").asString()).isEqualTo("body");
    assertThat(errors.path(0).path("message").asString()).contains("{{password}}");
    assertThat(call("GET", path, TestTokens.admin(), null, null).body()).isEqualTo(before.body());

    HttpResponse<String> preview =
        call(
            "POST",
            TEMPLATES + "/preview",
            TestTokens.admin(),
            null,
            Map.of(
                "kind", "ticket-reopened",
                "channel", "EMAIL",
                "locale", "en-US",
                "subject", "{{nope}}",
                "body", "ok"));
    assertProblem(preview, 400);
    assertThat(json.readTree(preview.body()).path("errors").path(0).path("field").asString())
        .isEqualTo("subject");
  }

  @Test
  void refuses_a_stale_edit_and_one_without_if_match() throws Exception {
    String path = TEMPLATES + "/waiting-for-customer/IN_APP/en-US";
    String etag =
        call("GET", path, TestTokens.admin(), null, null)
            .headers()
            .firstValue("ETag")
            .orElseThrow();
    Map<String, String> text =
        Map.of("subject", "Waiting", "body", "We need {{neededFromCustomer}}");

    assertThat(call("PUT", path, TestTokens.admin(), etag, text).statusCode()).isEqualTo(200);

    assertProblem(call("PUT", path, TestTokens.admin(), etag, text), 412);
    assertProblem(call("PUT", path, TestTokens.admin(), null, text), 428);
  }

  @Test
  void refuses_agents_and_callers_without_a_token() throws Exception {
    String path = TEMPLATES + "/ticket-received/EMAIL/en-US";

    assertProblem(call("GET", TEMPLATES, TestTokens.agent(), null, null), 403);
    assertProblem(call("GET", path, TestTokens.agent(), null, null), 403);
    assertProblem(
        call("PUT", path, TestTokens.agent(), "\"1\"", Map.of("subject", "x", "body", "y")), 403);
    assertProblem(
        call("PUT", path, TestTokens.supervisor(), "\"1\"", Map.of("subject", "x", "body", "y")),
        403);
    assertProblem(call("DELETE", path, TestTokens.agent(), null, null), 403);
    assertProblem(call("GET", TEMPLATES + "/kinds", null, null, null), 401);
  }

  @Test
  void acknowledges_a_ticket_from_the_edited_template_of_the_customers_locale() throws Exception {
    String path = TEMPLATES + "/ticket-received/EMAIL/zh-CN";
    String etag =
        call("GET", path, TestTokens.admin(), null, null)
            .headers()
            .firstValue("ETag")
            .orElseThrow();
    assertThat(
            call(
                    "PUT",
                    path,
                    TestTokens.admin(),
                    etag,
                    Map.of(
                        "subject", "已受理：{{ticketNumber}}",
                        "body",
                            "<p>{{customerName}}您好，工单{{ticketNumber}}将于{{expectedResolution}}前处理完毕。</p>"))
                .statusCode())
        .isEqualTo(200);
    String customerId = uniqueId("C");
    String ticketId = uniqueId("T");
    publish(
        Topics.CUSTOMERS,
        customerId,
        EventTypes.CUSTOMER_REGISTERED,
        new CustomerRegistered(
            customerId, "李雷", "INDIVIDUAL", "A", null, "lilei@example.cn", OPENED_AT));
    publish(
        Topics.CUSTOMERS,
        customerId,
        EventTypes.CUSTOMER_UPDATED,
        new CustomerUpdated(
            customerId,
            2,
            List.of("locale"),
            "李雷",
            "INDIVIDUAL",
            "A",
            false,
            null,
            "ACTIVE",
            null,
            "zh-CN",
            true,
            null,
            null,
            null,
            "agent-7",
            OPENED_AT));
    awaitLocale(customerId);

    publish(Topics.TICKETS, ticketId, EventTypes.TICKET_OPENED, ticket(ticketId, customerId));

    JsonNode acknowledgement = awaitAcknowledgement(ticketId);
    assertThat(acknowledgement.path("channel").asString()).isEqualTo("EMAIL");
    assertThat(acknowledgement.path("subject").asString()).isEqualTo("已受理：" + ticketId);
    assertThat(acknowledgement.path("body").asString())
        .isEqualTo("<p>李雷您好，工单" + ticketId + "将于2025年3月5日 13:14（UTC）前处理完毕。</p>");
  }

  @Test
  void acknowledges_a_ticket_in_the_locale_the_customer_registered_with() throws Exception {
    String customerId = uniqueId("C");
    String ticketId = uniqueId("T");
    publish(
        Topics.CUSTOMERS,
        customerId,
        EventTypes.CUSTOMER_REGISTERED,
        new CustomerRegistered(
            customerId,
            "韩梅梅",
            "INDIVIDUAL",
            "B",
            null,
            "hanmeimei@example.cn",
            OPENED_AT,
            false,
            "zh-CN"));
    awaitLocale(customerId);

    publish(Topics.TICKETS, ticketId, EventTypes.TICKET_OPENED, ticket(ticketId, customerId));

    assertThat(awaitAcknowledgement(ticketId).path("subject").asString()).startsWith("我们已收到您的诉求：");
  }

  /** The e-mail the ticket caused, once it is there. */
  private JsonNode awaitAcknowledgement(String ticketId) {
    AtomicReference<JsonNode> found = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              JsonNode list =
                  json.readTree(
                      call(
                              "GET",
                              "/api/notifications?ticketId=" + ticketId,
                              TestTokens.agent(),
                              null,
                              null)
                          .body());
              list.values().stream()
                  .filter(n -> "EMAIL".equals(n.path("channel").asString()))
                  .findFirst()
                  .ifPresent(found::set);
              return found.get() != null;
            });
    return found.get();
  }

  /** The profile change is applied when a ticket on its partition would see it. */
  private void awaitLocale(String customerId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> "zh-CN".equals(mongoLocale(customerId)));
  }

  private String mongoLocale(String customerId) {
    org.bson.Document contact = mongo.findById(customerId, org.bson.Document.class, "contacts");
    return contact == null ? null : contact.getString("locale");
  }

  private void publish(String topic, String key, String type, Object data) {
    producer.send(CloudEventsProducer.event(topic, key, type, json.writeValueAsString(data)));
  }

  private static TicketOpened ticket(String ticketId, String customerId) {
    return new TicketOpened(
        ticketId,
        customerId,
        "A",
        "HOTLINE",
        "NETWORK",
        "HIGH",
        "网络中断",
        null,
        "agent-7",
        null,
        null,
        OPENED_AT,
        Instant.parse("2025-03-05T13:14:00Z"),
        null,
        null,
        null,
        null,
        null);
  }

  private HttpResponse<String> call(
      String method, String path, String bearer, String ifMatch, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(
          method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  private static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
