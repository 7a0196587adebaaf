package io.crossdesk.notification.tmf621.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.contracts.EventTypes;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ListenerQueryTest {

  @Test
  void no_query_takes_every_notification_crossdesk_sends() {
    for (String none : new String[] {null, "", "   "}) {
      ListenerQuery query = ListenerQuery.parse(none);

      assertThat(query.types()).isEqualTo(EnumSet.allOf(TroubleTicketEventType.class));
      assertThat(query.crossdeskTypes())
          .containsExactlyInAnyOrder(
              EventTypes.TICKET_OPENED,
              EventTypes.TICKET_STATUS_CHANGED,
              EventTypes.TICKET_RECLASSIFIED);
    }
  }

  @Test
  void an_event_type_list_takes_those_types_only_and_follows_only_the_events_they_come_from() {
    ListenerQuery query =
        ListenerQuery.parse(" eventType=TroubleTicketCreateEvent, TroubleTicketResolvedEvent ");

    assertThat(query.types())
        .containsExactlyInAnyOrder(TroubleTicketEventType.CREATE, TroubleTicketEventType.RESOLVED);
    assertThat(query.takes("TroubleTicketResolvedEvent")).isTrue();
    assertThat(query.takes("TroubleTicketStatusChangeEvent")).isFalse();
    assertThat(query.takes("crossdesk.ticket.opened.v1")).isFalse();
    assertThat(query.crossdeskTypes())
        .containsExactlyInAnyOrder(EventTypes.TICKET_OPENED, EventTypes.TICKET_STATUS_CHANGED);
  }

  @Test
  void refuses_the_delete_event_since_tickets_are_never_deleted() {
    assertThatThrownBy(
            () ->
                ListenerQuery.parse("eventType=TroubleTicketCreateEvent,TroubleTicketDeleteEvent"))
        .isInstanceOf(InvalidListenerQueryException.class)
        .hasMessageContaining("TroubleTicketDeleteEvent is never sent");
  }

  @Test
  void refuses_anything_but_one_list_of_known_event_types_saying_which_there_are() {
    for (String query :
        new String[] {
          "eventType=TroubleTicketSomethingEvent",
          "eventType=troubleticketcreateevent",
          "eventType=",
          "eventType=TroubleTicketCreateEvent,",
          "status=resolved",
          "eventType=TroubleTicketCreateEvent&status=resolved",
          "EventType=TroubleTicketCreateEvent",
          "TroubleTicketCreateEvent"
        }) {
      assertThatThrownBy(() -> ListenerQuery.parse(query))
          .as(query)
          .isInstanceOf(InvalidListenerQueryException.class)
          .hasMessageContaining("the types are [TroubleTicketAttributeValueChangeEvent,");
    }
  }
}
