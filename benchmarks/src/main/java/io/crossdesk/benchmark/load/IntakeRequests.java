package io.crossdesk.benchmark.load;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.intake.TicketRequested;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * TicketRequested CloudEvents in Kafka binary mode, as another enterprise system sends them. Every
 * request has an externalId of its own, so each one opens one ticket.
 */
public final class IntakeRequests {

  public static final String SOURCE_SYSTEM = "benchmark";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String customerId;

  public IntakeRequests(String customerId) {
    this.customerId = customerId;
  }

  public ProducerRecord<String, String> request(String topic, String externalId) {
    String data =
        JSON.writeValueAsString(
            new TicketRequested(
                SOURCE_SYSTEM,
                externalId,
                customerId,
                "SYSTEM",
                "BILLING",
                "NORMAL",
                "Benchmark request " + externalId,
                "Opened by the Crossdesk benchmark"));
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, externalId, data);
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", UUID.randomUUID().toString());
    header(record, "ce_source", "/" + SOURCE_SYSTEM);
    header(record, "ce_type", EventTypes.TICKET_REQUESTED);
    header(record, "ce_time", Instant.now().toString());
    header(record, "content-type", "application/json");
    return record;
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
