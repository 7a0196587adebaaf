package io.crossdesk.platform.outbox;

import io.crossdesk.platform.events.EventMessage;
import java.util.List;

/**
 * A MongoDB document that carries its own pending events in a field named {@value #FIELD}. The
 * state change and the events it causes are written in one single-document update, which is atomic
 * on any MongoDB-compatible server; the {@link OutboxRelay} publishes them afterwards.
 */
public interface HasOutbox {

  String FIELD = "outbox";

  List<EventMessage> outbox();
}
