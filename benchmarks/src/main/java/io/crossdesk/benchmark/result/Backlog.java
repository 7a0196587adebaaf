package io.crossdesk.benchmark.result;

import java.util.Map;

/**
 * The crossdesk_outbox_pending gauge per service (documents still holding unpublished events),
 * sampled once a second.
 */
public record Backlog(
    Map<String, Double> atStart, Map<String, Double> max, Map<String, Double> last) {}
