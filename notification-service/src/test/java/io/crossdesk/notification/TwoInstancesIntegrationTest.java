package io.crossdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.MessageSinks;
import io.crossdesk.testsupport.TestInfrastructureInitializer;
import io.crossdesk.testsupport.TopicRecorder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two notification-service instances on one store and one broker, as production scales out, one of
 * them stopped mid-stream: each message is stored once, sent once and announced once.
 *
 * <p>The class has a test context of its own, one that consumes nothing: switching to it pauses the
 * cached context of the class before, which is in the same consumer groups and would otherwise take
 * some of the events.
 */
@CrossdeskIntegrationTest
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class TwoInstancesIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration ASYNC = Duration.ofSeconds(90);
  private static final int TICKETS = 24;

  private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
  private static CloudEventsProducer producer;

  @BeforeAll
  static void startTwoInstances() {
    String database = "test-two-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 2; i++) {
      INSTANCES.add(instance(database));
    }
    producer = CloudEventsProducer.forTestBroker();
  }

  @AfterAll
  static void stop() {
    INSTANCES.forEach(ConfigurableApplicationContext::close);
    producer.close();
  }

  private static ConfigurableApplicationContext instance(String database) {
    return new SpringApplicationBuilder(NotificationServiceApplication.class)
        .run(TestInfrastructureInitializer.arguments(database, "--server.port=0"));
  }

  @Test
  void each_message_is_sent_and_announced_once_while_one_instance_stops_mid_stream()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> tickets = new ArrayList<>();
    try (TopicRecorder sent = TopicRecorder.of(Topics.NOTIFICATIONS)) {
      for (int i = 0; i < TICKETS; i++) {
        String customerId = "C-" + run + "-" + i;
        String ticketId = "T-" + run + "-" + i;
        tickets.add(ticketId);
        publish(
            Topics.CUSTOMERS,
            customerId,
            EventTypes.CUSTOMER_REGISTERED,
            new CustomerRegistered(
                customerId, "Ada", "INDIVIDUAL", "B", null, address(customerId), Instant.now()));
        publish(Topics.TICKETS, ticketId, EventTypes.TICKET_OPENED, ticket(ticketId, customerId));
        if (i == TICKETS / 2) {
          // The other instance takes over its partitions; what it left is delivered again.
          INSTANCES.get(0).close();
        }
      }

      await().atMost(ASYNC).until(() -> announcedEmails(sent, run).keySet().containsAll(tickets));
      Map<String, Long> perTicket = announcedEmails(sent, run);
      assertThat(perTicket).hasSize(TICKETS).allSatisfy((t, count) -> assertThat(count).isOne());
    }

    Map<String, Long> mailPerAddress =
        Arrays.stream(MessageSinks.mail().getReceivedMessages())
            .map(TwoInstancesIntegrationTest::recipient)
            .filter(to -> to.contains(run))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(mailPerAddress)
        .hasSize(TICKETS)
        .allSatisfy((to, count) -> assertThat(count).isOne());
  }

  /** Per ticket of this run, how many NotificationSent for an e-mail were published. */
  private static Map<String, Long> announcedEmails(TopicRecorder sent, String run) {
    return sent
        .all(
            r ->
                EventTypes.NOTIFICATION_SENT.equals(TopicRecorder.header(r, "ce_type"))
                    && r.value().contains(run))
        .stream()
        .map(ConsumerRecord::value)
        .map(JSON::readTree)
        .filter(event -> "EMAIL".equals(event.path("channel").asString()))
        .collect(
            Collectors.groupingBy(
                event -> event.path("ticketId").asString(), Collectors.counting()));
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  private static String address(String customerId) {
    return customerId.toLowerCase(Locale.ROOT) + "@example.org";
  }

  private static void publish(String topic, String key, String type, Record data) {
    producer.send(CloudEventsProducer.event(topic, key, type, JSON.writeValueAsString(data)));
  }

  private static TicketOpened ticket(String ticketId, String customerId) {
    return new TicketOpened(
        ticketId,
        customerId,
        "B",
        "HOTLINE",
        "NETWORK",
        "NORMAL",
        "Line " + ticketId,
        null,
        "agent-7",
        null,
        null,
        Instant.now(),
        Instant.now().plus(Duration.ofDays(1)),
        null,
        null,
        null,
        null,
        null);
  }
}
