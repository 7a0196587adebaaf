package io.crossdesk.workorder.order.domain;

/**
 * Who moves a step. A supervisor (or a department system reporting a result) may act on a step
 * someone else has claimed; only a supervisor may decide an approval.
 *
 * @param ref the id of the inbound event that carries the action, or null for a request
 */
public record Performer(String id, boolean supervisor, boolean system, String ref) {

  public static Performer person(String id) {
    return new Performer(id, false, false, null);
  }

  public static Performer supervisorNamed(String id) {
    return new Performer(id, true, false, null);
  }

  public static Performer system(String id, String eventId) {
    return new Performer(id, false, true, eventId);
  }

  boolean mayOverride() {
    return supervisor || system;
  }
}
