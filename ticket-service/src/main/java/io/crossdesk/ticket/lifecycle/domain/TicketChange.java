package io.crossdesk.ticket.lifecycle.domain;

import io.crossdesk.ticket.classification.domain.Classification;
import io.crossdesk.ticket.sla.domain.SlaClock;
import java.util.ArrayList;
import java.util.List;

/** A copy of a ticket being changed; only {@link Ticket}'s own operations use it. */
final class TicketChange {
  private final Ticket from;
  private Classification classification;
  private TicketStatus status;
  private TicketStatus resumeTo;
  private String owner;
  private String department;
  private String workOrderId;
  private SlaClock sla;
  private int escalationLevel;
  private int thresholdsPassed;
  private int round;
  private Resolution resolution;
  private int ratedRound;
  private CloseReason closeReason;
  private String mergedInto;
  private final List<TimelineEntry> timeline;
  private long version;

  TicketChange(Ticket from) {
    this.from = from;
    classification = from.classification();
    status = from.status();
    resumeTo = from.resumeTo();
    owner = from.owner();
    department = from.department();
    workOrderId = from.workOrderId();
    sla = from.sla();
    escalationLevel = from.escalationLevel();
    thresholdsPassed = from.thresholdsPassed();
    round = from.round();
    resolution = from.resolution();
    ratedRound = from.ratedRound();
    closeReason = from.closeReason();
    mergedInto = from.mergedInto();
    timeline = new ArrayList<>(from.timeline());
    version = from.version();
  }

  TicketChange version(long value) {
    version = value;
    return this;
  }

  TicketChange classification(Classification value) {
    classification = value;
    return this;
  }

  TicketChange status(TicketStatus value) {
    status = value;
    return this;
  }

  TicketChange resumeTo(TicketStatus value) {
    resumeTo = value;
    return this;
  }

  TicketChange owner(String value) {
    owner = value;
    return this;
  }

  TicketChange department(String value) {
    department = value;
    return this;
  }

  TicketChange workOrderId(String value) {
    workOrderId = value;
    return this;
  }

  TicketChange sla(SlaClock value) {
    sla = value;
    return this;
  }

  TicketChange escalation(int level, int passed) {
    escalationLevel = level;
    thresholdsPassed = passed;
    return this;
  }

  TicketChange round(int value) {
    round = value;
    return this;
  }

  TicketChange resolution(Resolution value) {
    resolution = value;
    return this;
  }

  TicketChange ratedRound(int value) {
    ratedRound = value;
    return this;
  }

  TicketChange closeReason(CloseReason value) {
    closeReason = value;
    return this;
  }

  TicketChange mergedInto(String value) {
    mergedInto = value;
    return this;
  }

  TicketChange entry(TimelineEntry entry) {
    timeline.add(entry);
    return this;
  }

  Ticket build() {
    return new Ticket(
        from.id(),
        from.number(),
        from.customerId(),
        classification,
        from.channel(),
        from.category(),
        from.title(),
        from.description(),
        from.region(),
        status,
        resumeTo,
        from.origin(),
        owner,
        department,
        workOrderId,
        from.openedAt(),
        sla,
        escalationLevel,
        thresholdsPassed,
        round,
        resolution,
        ratedRound,
        closeReason,
        mergedInto,
        timeline,
        version);
  }
}
