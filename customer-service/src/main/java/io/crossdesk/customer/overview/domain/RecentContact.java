package io.crossdesk.customer.overview.domain;

import java.time.Instant;

/** A recent contact as the overview lists it; {@code id} orders newest first. */
public record RecentContact(
    String id, String channel, String kind, Instant at, String summary, String ticketId) {}
