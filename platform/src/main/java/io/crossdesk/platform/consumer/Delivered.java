package io.crossdesk.platform.consumer;

import io.crossdesk.platform.events.EventMessage;

/** An event as a consumer's handler receives it: read once, with its id and its message. */
public record Delivered<T>(String eventId, T data, EventMessage event) {}
