package io.crossdesk.platform.deadline;

/**
 * Fires the deadlines of one kind. Declare it as a Spring bean; the {@link DeadlinePoller} finds
 * it.
 *
 * <p>A deadline fires at least once and, as long as handlers finish within the lease, once: if an
 * instance dies while firing it, another fires it again once the lease has run out. So a handler
 * must be idempotent, and it must also expect deadlines that no longer apply, because services
 * schedule a deadline before writing the aggregate it belongs to (so that no crash loses it) and
 * may reschedule or cancel it while it is firing. The usual shape: load the aggregate, check that
 * it still expects this deadline (the same due time, the state it was set for), do nothing if not;
 * otherwise make the change in one write, which may schedule the next deadline (the next escalation
 * level).
 *
 * <p>An exception counts as a failed try: the deadline is tried again with back-off and, after
 * {@code crossdesk.deadlines.max-attempts}, parked. When the handler returns, the deadline is gone.
 */
public interface DeadlineHandler {

  /** The {@link DeadlineKey#kind()} this handler fires; one handler per kind. */
  String kind();

  void fire(FiredDeadline deadline);
}
