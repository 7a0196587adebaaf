package io.crossdesk.contracts;

import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.intake.TicketRequested;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import java.util.List;
import java.util.Optional;

/** Every event type Crossdesk produces or accepts, in one place. */
public final class EventCatalogue {

  public static final List<EventContract> ALL =
      List.of(
          new EventContract(
              EventTypes.CUSTOMER_REGISTERED, Topics.CUSTOMERS, CustomerRegistered.class),
          new EventContract(EventTypes.TICKET_REQUESTED, Topics.INTAKE, TicketRequested.class),
          new EventContract(EventTypes.TICKET_OPENED, Topics.TICKETS, TicketOpened.class),
          new EventContract(EventTypes.WORKORDER_ROUTED, Topics.WORKORDERS, WorkOrderRouted.class));

  private EventCatalogue() {}

  public static Optional<EventContract> byType(String type) {
    return ALL.stream().filter(contract -> contract.type().equals(type)).findFirst();
  }

  public static EventContract of(Class<? extends Record> dataType) {
    return ALL.stream()
        .filter(contract -> contract.dataType().equals(dataType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Not an event contract: " + dataType));
  }
}
