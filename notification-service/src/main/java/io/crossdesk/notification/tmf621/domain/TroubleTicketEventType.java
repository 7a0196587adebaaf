package io.crossdesk.notification.tmf621.domain;

import io.crossdesk.contracts.EventTypes;

/**
 * The TMF621 notifications Crossdesk sends its listeners, by the names TMF gives them, and the
 * Crossdesk event each is made from. TroubleTicketDeleteEvent is not among them: tickets are closed
 * or cancelled, never deleted.
 */
public enum TroubleTicketEventType {
  CREATE("TroubleTicketCreateEvent", EventTypes.TICKET_OPENED),
  STATUS_CHANGE("TroubleTicketStatusChangeEvent", EventTypes.TICKET_STATUS_CHANGED),
  ATTRIBUTE_VALUE_CHANGE("TroubleTicketAttributeValueChangeEvent", EventTypes.TICKET_RECLASSIFIED),
  RESOLVED("TroubleTicketResolvedEvent", EventTypes.TICKET_STATUS_CHANGED),
  INFORMATION_REQUIRED("TroubleTicketInformationRequiredEvent", EventTypes.TICKET_STATUS_CHANGED);

  /** The one TMF names that Crossdesk never sends. */
  public static final String DELETE = "TroubleTicketDeleteEvent";

  private final String tmfName;
  private final String madeFrom;

  TroubleTicketEventType(String tmfName, String madeFrom) {
    this.tmfName = tmfName;
    this.madeFrom = madeFrom;
  }

  /** As TMF writes it, in {@code eventType} and in a listener's query. */
  public String tmfName() {
    return tmfName;
  }

  /** The type of the Crossdesk event it is made from. */
  public String madeFrom() {
    return madeFrom;
  }

  /** The type TMF calls {@code name} (exactly), or null when Crossdesk sends none by that name. */
  public static TroubleTicketEventType named(String name) {
    for (TroubleTicketEventType type : values()) {
      if (type.tmfName.equals(name)) {
        return type;
      }
    }
    return null;
  }
}
