package io.crossdesk.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventContract;
import io.crossdesk.contracts.Topics;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCatalogueTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Events events =
      new Events(JSON, "test", Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC));

  static Stream<EventContract> contracts() {
    return EventCatalogue.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void every_record_component_is_described_by_the_schema_and_nothing_else(EventContract contract)
      throws Exception {
    JsonNode schema;
    try (var in = EventContract.class.getResourceAsStream(contract.schemaResource())) {
      assertThat(in).as("schema for %s", contract.type()).isNotNull();
      schema = JSON.readTree(in);
    }
    Set<String> described = new HashSet<>(schema.get("properties").propertyNames());
    Set<String> components = new HashSet<>();
    for (RecordComponent component : contract.dataType().getRecordComponents()) {
      components.add(component.getName());
    }
    assertThat(described).isEqualTo(components);
    schema.get("required").forEach(field -> assertThat(components).contains(field.asString()));
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void what_a_producer_emits_validates_against_the_schema(EventContract contract) throws Exception {
    Record sample = SampleEvents.of(contract.dataType());
    EventMessage message = events.create("subject-1", sample);

    assertThat(message.type()).isEqualTo(contract.type());
    assertThat(message.topic()).isEqualTo(contract.topic()).isIn(Topics.ALL);
    assertThat(EventSchemas.violations(contract, message.data())).isEmpty();
    assertThat(events.read(message, contract.dataType())).isEqualTo(sample);
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void data_missing_required_fields_is_rejected(EventContract contract) {
    assertThat(EventSchemas.violations(contract, "{}")).isNotEmpty();
    assertThat(EventSchemas.violations(contract, "{not json")).isNotEmpty();
  }

  @org.junit.jupiter.api.Test
  void event_types_follow_the_naming_scheme() {
    assertThat(EventCatalogue.ALL)
        .extracting(EventContract::type)
        .allMatch(type -> type.matches("crossdesk\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+"))
        .doesNotHaveDuplicates()
        .isNotEmpty();
  }
}
