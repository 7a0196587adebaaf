package io.crossdesk.ticket.lifecycle.persistence;

import static io.crossdesk.platform.aggregate.Fields.bool;
import static io.crossdesk.platform.aggregate.Fields.enumOf;
import static io.crossdesk.platform.aggregate.Fields.instant;
import static io.crossdesk.platform.aggregate.Fields.intOf;
import static io.crossdesk.platform.aggregate.Fields.list;
import static io.crossdesk.platform.aggregate.Fields.longOf;
import static io.crossdesk.platform.aggregate.Fields.nested;

import io.crossdesk.platform.aggregate.AggregateMapping;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.Fields;
import io.crossdesk.ticket.classification.domain.Classification;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.lifecycle.domain.Channel;
import io.crossdesk.ticket.lifecycle.domain.CloseReason;
import io.crossdesk.ticket.lifecycle.domain.Origin;
import io.crossdesk.ticket.lifecycle.domain.Resolution;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketStatus;
import io.crossdesk.ticket.lifecycle.domain.TimelineEntry;
import io.crossdesk.ticket.lifecycle.domain.TimelineEntryType;
import io.crossdesk.ticket.lifecycle.domain.Visibility;
import io.crossdesk.ticket.sla.domain.Pause;
import io.crossdesk.ticket.sla.domain.SlaClock;
import io.crossdesk.ticket.sla.domain.SlaPolicy;
import io.crossdesk.ticket.sla.domain.SlaTargets;
import io.crossdesk.ticket.sla.persistence.SlaPolicies;
import org.bson.Document;

/**
 * A ticket as stored in {@code tickets}: its state under {@code ticket}, and beside it {@code
 * resolveBy} and {@code atRiskFrom}, derived from the SLA clock when the ticket is written so that
 * the breached and at-risk lists are index queries; both are absent while the clock is paused or
 * stopped.
 */
final class TicketMapping implements AggregateMapping<Ticket> {

  static final String COLLECTION = "tickets";
  static final String TICKET = "ticket";

  private final SlaPolicies policies;

  TicketMapping(SlaPolicies policies) {
    this.policies = policies;
  }

  @Override
  public String collection() {
    return COLLECTION;
  }

  @Override
  public String idOf(Ticket ticket) {
    return ticket.id();
  }

  @Override
  public Ticket atVersion(Ticket ticket, long version) {
    return ticket.atVersion(version);
  }

  @Override
  public Document write(Ticket ticket) {
    Fields.Writer document = Fields.writer().put(TICKET, ticketFields(ticket));
    if (ticket.status().isOpen()) {
      SlaPolicy policy = policies.version(ticket.sla().policyVersion());
      var calendar = policies.calendar(policy.version());
      document.put("resolveBy", ticket.sla().whenResolutionShareElapsed(calendar, 100));
      int firstThreshold =
          policy
              .escalationPercents(ticket.customerTier(), ticket.classification().keyAccount())
              .get(0);
      if (firstThreshold < 100) {
        document.put(
            "atRiskFrom", ticket.sla().whenResolutionShareElapsed(calendar, firstThreshold));
      }
    }
    return document.document();
  }

  @Override
  public Ticket read(Document stored) {
    Document t = nested(stored, TICKET);
    return new Ticket(
        stored.getString("_id"),
        t.getString("number"),
        t.getString("customerId"),
        classification(nested(t, "classification")),
        enumOf(Channel.class, t, "channel"),
        t.getString("category"),
        t.getString("title"),
        t.getString("description"),
        t.getString("region"),
        enumOf(TicketStatus.class, t, "status"),
        enumOf(TicketStatus.class, t, "resumeTo"),
        origin(nested(t, "origin")),
        t.getString("owner"),
        t.getString("department"),
        t.getString("workOrderId"),
        instant(t, "openedAt"),
        sla(nested(t, "sla")),
        intOf(t, "escalationLevel"),
        intOf(t, "thresholdsPassed"),
        intOf(t, "round"),
        resolution(nested(t, "resolution")),
        intOf(t, "ratedRound"),
        enumOf(CloseReason.class, t, "closeReason"),
        t.getString("mergedInto"),
        list(t, "timeline", TicketMapping::entry),
        longOf(stored, AggregateStore.VERSION));
  }

  static Document ticketFields(Ticket ticket) {
    return Fields.writer()
        .put("number", ticket.number())
        .put("customerId", ticket.customerId())
        .put("classification", classification(ticket.classification()))
        .put("channel", ticket.channel())
        .put("category", ticket.category())
        .put("title", ticket.title())
        .put("description", ticket.description())
        .put("region", ticket.region())
        .put("status", ticket.status())
        .put("resumeTo", ticket.resumeTo())
        .put("origin", origin(ticket.origin()))
        .put("owner", ticket.owner())
        .put("department", ticket.department())
        .put("workOrderId", ticket.workOrderId())
        .put("openedAt", ticket.openedAt())
        .put("sla", sla(ticket.sla()))
        .put("escalationLevel", ticket.escalationLevel())
        .put("thresholdsPassed", ticket.thresholdsPassed())
        .put("round", ticket.round())
        .put("resolution", ticket.resolution() == null ? null : resolution(ticket.resolution()))
        .put("ratedRound", ticket.ratedRound())
        .put("closeReason", ticket.closeReason())
        .put("mergedInto", ticket.mergedInto())
        .put("timeline", ticket.timeline(), TicketMapping::entry)
        .document();
  }

  private static Document classification(Classification c) {
    return Fields.writer()
        .put("tier", c.tier())
        .put("keyAccount", c.keyAccount())
        .put("type", c.type())
        .put("priority", c.priority())
        .document();
  }

  private static Classification classification(Document d) {
    return new Classification(
        enumOf(CustomerTier.class, d, "tier"),
        bool(d, "keyAccount"),
        enumOf(TicketType.class, d, "type"),
        enumOf(Priority.class, d, "priority"));
  }

  private static Document origin(Origin o) {
    return Fields.writer()
        .put("openedBy", o.openedBy())
        .put("sourceSystem", o.sourceSystem())
        .put("externalId", o.externalId())
        .document();
  }

  private static Origin origin(Document d) {
    return new Origin(
        d.getString("openedBy"), d.getString("sourceSystem"), d.getString("externalId"));
  }

  private static Document sla(SlaClock clock) {
    return Fields.writer()
        .put("policyVersion", clock.policyVersion())
        .put("startedAt", clock.startedAt())
        .put(
            "targets",
            Fields.writer()
                .put("firstResponseMinutes", clock.targets().firstResponseMinutes())
                .put("resolutionMinutes", clock.targets().resolutionMinutes())
                .document())
        .put("pauses", clock.pauses(), TicketMapping::pause)
        .put("respondedAt", clock.respondedAt())
        .put("resolvedAt", clock.resolvedAt())
        .document();
  }

  private static SlaClock sla(Document d) {
    Document targets = nested(d, "targets");
    return new SlaClock(
        intOf(d, "policyVersion"),
        instant(d, "startedAt"),
        new SlaTargets(
            longOf(targets, "firstResponseMinutes"), longOf(targets, "resolutionMinutes")),
        list(d, "pauses", TicketMapping::pause),
        instant(d, "respondedAt"),
        instant(d, "resolvedAt"));
  }

  private static Object pause(Pause pause) {
    return Fields.writer()
        .put("from", pause.from())
        .put("to", pause.to())
        .put("reason", pause.reason())
        .document();
  }

  private static Pause pause(Document d) {
    return new Pause(instant(d, "from"), instant(d, "to"), d.getString("reason"));
  }

  private static Document resolution(Resolution r) {
    return Fields.writer()
        .put("summary", r.summary())
        .put("resolvedBy", r.resolvedBy())
        .put("department", r.department())
        .put("resolvedAt", r.resolvedAt())
        .put("firstContact", r.firstContact())
        .document();
  }

  private static Resolution resolution(Document d) {
    return d == null
        ? null
        : new Resolution(
            d.getString("summary"),
            d.getString("resolvedBy"),
            d.getString("department"),
            instant(d, "resolvedAt"),
            bool(d, "firstContact"));
  }

  private static Object entry(TimelineEntry e) {
    return Fields.writer()
        .put("at", e.at())
        .put("type", e.type())
        .put("visibility", e.visibility())
        .put("text", e.text())
        .put("actor", e.actor())
        .put("ref", e.ref())
        .put("fromTicket", e.fromTicket())
        .document();
  }

  private static TimelineEntry entry(Document d) {
    return new TimelineEntry(
        instant(d, "at"),
        enumOf(TimelineEntryType.class, d, "type"),
        enumOf(Visibility.class, d, "visibility"),
        d.getString("text"),
        d.getString("actor"),
        d.getString("ref"),
        d.getString("fromTicket"));
  }
}
