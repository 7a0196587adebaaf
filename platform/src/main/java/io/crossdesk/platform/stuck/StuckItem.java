package io.crossdesk.platform.stuck;

import java.time.Instant;
import java.util.Map;

/**
 * One piece of stuck work, whatever its kind.
 *
 * @param id what to retry it by, within its kind
 * @param about what it concerns, for people: the event and its aggregate, the deadline's key, the
 *     record's consumer group and event
 * @param reason why it stopped: the last error
 * @param since when it stopped
 * @param attempts how often it was tried, where that is counted (0 otherwise)
 * @param details what else its kind knows (topic, type, partition, offset, due time, ...)
 */
public record StuckItem(
    String kind,
    String id,
    String about,
    String reason,
    Instant since,
    int attempts,
    Map<String, Object> details) {}
