package io.crossdesk.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.InvalidEventException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventHandlersTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
  private final Events events = new Events(JsonMapper.builder().build(), "test", clock);

  private EventMessage registered(String name) {
    return events.create(
        "c-1",
        new CustomerRegistered(
            "c-1", name, "INDIVIDUAL", "C", "+1 555 0100", "c@example.com", clock.instant()));
  }

  @Test
  void each_event_goes_to_the_handler_of_its_type_with_its_id_and_data_read_once() {
    List<String> seen = new ArrayList<>();
    EventHandlers handlers =
        EventHandlers.reading(events)
            .on(CustomerRegistered.class, (id, data) -> seen.add(id + " " + data.name()));
    EventMessage event = registered("Ada");

    handlers.accept(event);

    assertThat(seen).containsExactly(event.eventId() + " Ada");
  }

  @Test
  void a_failure_declared_as_refused_goes_to_the_dead_letters_at_once_others_are_retried() {
    EventHandlers handlers =
        EventHandlers.reading(events)
            .on(
                CustomerRegistered.class,
                data -> {
                  throw data.name().equals("illegal")
                      ? new IllegalStateException("an illegal move")
                      : new IllegalArgumentException("the store is down");
                })
            .refusing(IllegalStateException.class);

    assertThatThrownBy(() -> handlers.accept(registered("illegal")))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("an illegal move")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> handlers.accept(registered("other")))
        .isExactlyInstanceOf(IllegalArgumentException.class);
  }
}
