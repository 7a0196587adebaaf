package io.crossdesk.ticket.lifecycle.domain;

import io.crossdesk.ticket.classification.domain.Classification;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.sla.domain.SlaClock;
import io.crossdesk.ticket.sla.domain.SlaTargets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's request, owned by the desk from opening to closing while departments do the work.
 * Immutable: every change returns the changed ticket, or throws and changes nothing.
 *
 * @param owner who answers for it until it is closed ("first responsibility"): the agent who
 *     received it, or the service-center desk for self-service and system channels
 * @param region where the request is, as given at opening or the customer's; null when unknown
 * @param resumeTo the status to go back to when the customer answers, while WAITING_CUSTOMER
 * @param round 1 for the first round of work, one more after each reopening
 * @param ratedRound the last round the customer's satisfaction was recorded for, 0 for none
 * @param version the number of changes stored so far; guards against lost updates
 */
public record Ticket(
    String id,
    String number,
    String customerId,
    Classification classification,
    Channel channel,
    String category,
    String title,
    String description,
    String region,
    TicketStatus status,
    TicketStatus resumeTo,
    Origin origin,
    String owner,
    String department,
    String workOrderId,
    Instant openedAt,
    SlaClock sla,
    int escalationLevel,
    int thresholdsPassed,
    int round,
    Resolution resolution,
    int ratedRound,
    CloseReason closeReason,
    String mergedInto,
    List<TimelineEntry> timeline,
    long version) {

  /** Self-service and system channels: the desk owns what no agent received. */
  public static final String SERVICE_CENTER_DESK = "service-center";

  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(sla, "sla");
    timeline = List.copyOf(timeline);
  }

  public static Ticket open(
      String id,
      String number,
      TicketDraft draft,
      Classification classification,
      Origin origin,
      String owner,
      Instant openedAt,
      int policyVersion,
      SlaTargets targets) {
    TimelineEntry received =
        TimelineEntry.of(
            openedAt,
            TimelineEntryType.OPENED,
            "We received your request " + number + ": " + draft.title(),
            origin.openedBy());
    return new Ticket(
        id,
        number,
        draft.customerId(),
        classification,
        draft.channel(),
        draft.category(),
        draft.title(),
        draft.description(),
        draft.region(),
        TicketStatus.OPEN,
        null,
        origin,
        owner,
        null,
        null,
        openedAt,
        SlaClock.start(policyVersion, openedAt, targets),
        0,
        0,
        1,
        null,
        0,
        null,
        null,
        List.of(received),
        0);
  }

  public CustomerTier customerTier() {
    return classification.tier();
  }

  public TicketType type() {
    return classification.type();
  }

  public Priority priority() {
    return classification.priority();
  }

  public boolean isFor(String customerId) {
    return this.customerId.equals(customerId);
  }

  /** True once the ticket is with this department; an unrouted ticket is with none. */
  public boolean isWith(String department) {
    return this.department != null && this.department.equals(department);
  }

  /**
   * True when this work order's step is with this department already: the same routing announced
   * again (a redelivery under a new event id) changes nothing.
   */
  public boolean isRoutedTo(String workOrderId, String department) {
    return status.isOpen() && workOrderId.equals(this.workOrderId) && isWith(department);
  }

  /** True when an entry caused by {@code ref} is on the timeline already. */
  public boolean hasRecorded(String ref) {
    return ref != null && timeline.stream().anyMatch(entry -> ref.equals(entry.ref()));
  }

  public boolean resolvedAtFirstContact() {
    return resolution != null && resolution.firstContact();
  }

  /**
   * A department must act on it now. Work that reaches a resolved or finished ticket (a follow-up
   * call-back, say) is noted for staff without reopening anything.
   */
  public Ticket routeTo(
      String workOrderId, String department, String departmentName, Instant at, String ref) {
    Objects.requireNonNull(department, "department");
    String shown = departmentName == null ? department : departmentName;
    if (!status.isOpen()) {
      return change()
          .entry(
              TimelineEntry.of(
                      at, TimelineEntryType.ROUTED, "Follow-up work passed to " + shown, department)
                  .as(Visibility.INTERNAL)
                  .because(ref))
          .build();
    }
    TicketChange change =
        change()
            .department(department)
            .workOrderId(Objects.requireNonNull(workOrderId, "workOrderId"))
            .entry(
                TimelineEntry.of(
                        at,
                        TimelineEntryType.ROUTED,
                        "Your request was passed to " + shown,
                        department)
                    .because(ref));
    return status == TicketStatus.WAITING_CUSTOMER
        ? change.resumeTo(TicketStatus.ROUTED).build()
        : change.status(TicketStatus.ROUTED).build();
  }

  /** Someone started working on it. */
  public Ticket startWork(String text, String actor, Instant at, String ref) {
    if (status == TicketStatus.WAITING_CUSTOMER || !status.isOpen()) {
      return this;
    }
    return change()
        .status(TicketStatus.IN_PROGRESS)
        .sla(sla.responded(at))
        .entry(TimelineEntry.of(at, TimelineEntryType.STEP_STARTED, text, actor).because(ref))
        .build();
  }

  /** A public entry that moves nothing: a step finished, the expected completion changed. */
  public Ticket inform(TimelineEntryType type, String text, String actor, Instant at, String ref) {
    return change().entry(TimelineEntry.of(at, type, text, actor).because(ref)).build();
  }

  /** A reply the customer reads; the first one from staff is the ticket's first response. */
  public Ticket reply(String text, String actor, boolean byStaff, Instant at) {
    requireNotFinal();
    return change()
        .sla(byStaff ? sla.responded(at) : sla)
        .entry(TimelineEntry.of(at, TimelineEntryType.REPLY, text, actor))
        .build();
  }

  /** A note for staff only. */
  public Ticket note(String text, String actor, Instant at) {
    return change().entry(TimelineEntry.of(at, TimelineEntryType.NOTE, text, actor)).build();
  }

  /** The desk needs something from the customer: the clock stops until they answer. */
  public Ticket waitForCustomer(String reason, String actor, Instant at) {
    moveTo(TicketStatus.WAITING_CUSTOMER);
    return change()
        .status(TicketStatus.WAITING_CUSTOMER)
        .resumeTo(status)
        .sla(sla.pause(at, reason).responded(at))
        .entry(
            TimelineEntry.of(
                at,
                TimelineEntryType.WAITING_FOR_CUSTOMER,
                "We are waiting for you: " + reason,
                actor))
        .build();
  }

  public Ticket resume(String actor, Instant at) {
    if (status != TicketStatus.WAITING_CUSTOMER) {
      throw new IllegalTransitionException(id, status, TicketStatus.IN_PROGRESS);
    }
    return change()
        .status(resumeTo == null ? TicketStatus.OPEN : resumeTo)
        .resumeTo(null)
        .sla(sla.resume(at))
        .entry(
            TimelineEntry.of(at, TimelineEntryType.RESUMED, "Work on your request goes on", actor))
        .build();
  }

  /** A new type or priority; the targets change as if they had applied from the start. */
  public Ticket reclassify(
      Classification changed, SlaTargets targets, String reason, String actor, Instant at) {
    requireOpen();
    String text =
        "Reclassified from "
            + classification.type()
            + "/"
            + classification.priority()
            + " to "
            + changed.type()
            + "/"
            + changed.priority()
            + ": "
            + reason;
    return change()
        .classification(changed)
        .sla(sla.retarget(targets))
        .entry(TimelineEntry.of(at, TimelineEntryType.RECLASSIFIED, text, actor))
        .build();
  }

  /** The customer's tier or key-account flag changed; an open ticket's targets follow. */
  public Ticket customerChanged(
      CustomerTier tier, boolean keyAccount, SlaTargets targets, Instant at, String ref) {
    if (!status.isOpen()
        || (tier == classification.tier() && keyAccount == classification.keyAccount())) {
      return this;
    }
    String text = "Customer tier now " + tier + (keyAccount ? ", key account" : "");
    return change()
        .classification(classification.forCustomer(tier, keyAccount))
        .sla(sla.retarget(targets))
        .entry(
            TimelineEntry.of(at, TimelineEntryType.RECLASSIFIED, text, "customer-service")
                .because(ref))
        .build();
  }

  /** First responsibility moves only this way: explicitly, to a named person, with a reason. */
  public Ticket transferOwnership(String to, String reason, String actor, Instant at) {
    requireNotFinal();
    if (to.equals(owner)) {
      throw new TicketConflictException("Ticket " + number + " is owned by " + to + " already.");
    }
    return change()
        .owner(to)
        .entry(
            TimelineEntry.of(
                at,
                TimelineEntryType.TRANSFERRED,
                "Ownership moved from " + owner + " to " + to + ": " + reason,
                actor))
        .build();
  }

  /**
   * The resolution clock passed one more threshold: one level up. {@code passed} is how many
   * thresholds are behind it now, so a threshold fired twice changes nothing the second time.
   */
  public Ticket escalateAtThreshold(int passed, int percent, Instant at) {
    if (passed <= thresholdsPassed || !status.isOpen()) {
      return this;
    }
    int level = escalationLevel + 1;
    return change()
        .escalation(level, passed)
        .entry(
            TimelineEntry.of(
                at,
                TimelineEntryType.ESCALATED,
                "Escalated to level " + level + ": " + percent + "% of the resolution target used",
                "sla"))
        .build();
  }

  public Ticket resolve(Resolution how) {
    return resolve(how, null);
  }

  /** Resolved because of {@code ref} (an event), recorded once. */
  public Ticket resolve(Resolution how, String ref) {
    moveTo(TicketStatus.RESOLVED);
    String text =
        how.firstContact()
            ? "Resolved while you were with us: " + how.summary()
            : "Resolved: " + how.summary();
    return change()
        .status(TicketStatus.RESOLVED)
        .resumeTo(null)
        .resolution(how)
        .sla(sla.resolved(how.resolvedAt()))
        .entry(
            TimelineEntry.of(how.resolvedAt(), TimelineEntryType.RESOLVED, text, how.resolvedBy())
                .because(ref))
        .build();
  }

  public Ticket confirm(String actor, Instant at) {
    moveTo(TicketStatus.CLOSED);
    if (status != TicketStatus.RESOLVED) {
      throw new IllegalTransitionException(id, status, TicketStatus.CLOSED);
    }
    return close(CloseReason.CONFIRMED, "You confirmed the resolution. Closed.", actor, at);
  }

  /** No answer within the policy's days: closed as if confirmed. */
  public Ticket autoClose(Instant at) {
    if (status != TicketStatus.RESOLVED) {
      return this;
    }
    return close(
        CloseReason.AUTO_CLOSED, "Closed: we did not hear back from you.", "crossdesk", at);
  }

  /** The customer rejects the resolution: work starts again, one escalation level higher. */
  public Ticket reopen(String reason, SlaTargets targets, String actor, Instant at) {
    moveTo(TicketStatus.REOPENED);
    return change()
        .status(TicketStatus.REOPENED)
        .round(round + 1)
        .escalation(escalationLevel + 1, 0)
        .resolution(null)
        .department(null)
        .workOrderId(null)
        .sla(SlaClock.start(sla.policyVersion(), at, targets))
        .entry(
            TimelineEntry.of(
                at,
                TimelineEntryType.REOPENED,
                "Reopened: " + reason + ". We are on it again.",
                actor))
        .build();
  }

  public Ticket cancel(String reason, String actor, Instant at) {
    moveTo(TicketStatus.CANCELLED);
    if (status == TicketStatus.RESOLVED) {
      throw new IllegalTransitionException(id, status, TicketStatus.CANCELLED);
    }
    return change()
        .status(TicketStatus.CANCELLED)
        .resumeTo(null)
        .closeReason(CloseReason.CANCELLED)
        .sla(sla.resume(at))
        .entry(TimelineEntry.of(at, TimelineEntryType.CANCELLED, "Cancelled: " + reason, actor))
        .build();
  }

  /**
   * Whether a survey answer about resolution {@code round} is to be recorded: the customer's own
   * ticket, resolved in that round, and not rated for it yet. An answer about an earlier round (the
   * ticket was reopened since) or one rated already changes nothing.
   */
  public boolean takesSurveyAnswer(int surveyRound, String answeredBy) {
    return resolution != null
        && round == surveyRound
        && ratedRound < surveyRound
        && customerId.equals(answeredBy);
  }

  /** Satisfaction is asked once per resolution. */
  public Ticket rate(int score, String comment, String actor, Instant at) {
    if (score < 1 || score > 5) {
      throw new InvalidTicketException("score", "must be between 1 and 5");
    }
    if (comment != null && comment.length() > 2000) {
      throw new InvalidTicketException("comment", "must be at most 2000 characters");
    }
    if (resolution == null) {
      throw new TicketConflictException("Ticket " + number + " is not resolved: nothing to rate.");
    }
    if (ratedRound >= round) {
      throw new TicketConflictException(
          "Satisfaction for ticket " + number + " was recorded for this resolution already.");
    }
    return change()
        .ratedRound(round)
        .entry(
            TimelineEntry.of(
                at,
                TimelineEntryType.SATISFACTION,
                "Satisfaction " + score + "/5" + (comment == null ? "" : ": " + comment),
                actor))
        .build();
  }

  /** This duplicate closes, pointing at the ticket that carries on. */
  public Ticket mergeInto(Ticket survivor, String actor, Instant at) {
    checkMergeable(survivor);
    return change()
        .status(TicketStatus.CLOSED)
        .resumeTo(null)
        .closeReason(CloseReason.MERGED)
        .mergedInto(survivor.id())
        .sla(sla.resume(at))
        .entry(
            TimelineEntry.of(
                at,
                TimelineEntryType.CLOSED,
                "Merged into " + survivor.number() + ", where we follow up on it",
                actor))
        .build();
  }

  /** The survivor of a merge takes the duplicate's history, marked with its number; once. */
  public Ticket absorb(Ticket duplicate, String actor, Instant at) {
    String ref = "merged:" + duplicate.id();
    if (hasRecorded(ref)) {
      return this;
    }
    duplicate.checkMergeable(this);
    TicketChange change = change();
    duplicate.timeline.forEach(entry -> change.entry(entry.broughtFrom(duplicate.number())));
    return change
        .entry(
            TimelineEntry.of(
                    at,
                    TimelineEntryType.MERGED,
                    "Duplicate " + duplicate.number() + " merged into this ticket",
                    actor)
                .because(ref))
        .build();
  }

  private void checkMergeable(Ticket survivor) {
    if (survivor.id().equals(id)) {
      throw new TicketConflictException("A ticket cannot be merged into itself.");
    }
    if (!survivor.customerId().equals(customerId)) {
      throw new TicketConflictException("Only tickets of the same customer can be merged.");
    }
    if (survivor.status().isFinal()) {
      throw new TicketConflictException(
          "Ticket " + survivor.number() + " is " + survivor.status() + ": nothing can join it.");
    }
    moveTo(TicketStatus.CLOSED);
  }

  private Ticket close(CloseReason reason, String text, String actor, Instant at) {
    return change()
        .status(TicketStatus.CLOSED)
        .closeReason(reason)
        .entry(TimelineEntry.of(at, TimelineEntryType.CLOSED, text, actor))
        .build();
  }

  private void moveTo(TicketStatus target) {
    if (!status.canMoveTo(target)) {
      throw new IllegalTransitionException(number, status, target);
    }
  }

  private void requireOpen() {
    if (!status.isOpen()) {
      throw new TicketConflictException("Ticket " + number + " is " + status + ".");
    }
  }

  private void requireNotFinal() {
    if (status.isFinal()) {
      throw new TicketConflictException("Ticket " + number + " is " + status + ".");
    }
  }

  /** The same ticket as stored at {@code stored} changes. */
  public Ticket atVersion(long stored) {
    return change().version(stored).build();
  }

  private TicketChange change() {
    return new TicketChange(this);
  }
}
