package io.crossdesk.benchmark.result;

import java.util.Map;

/**
 * What the load sent.
 *
 * @param accepted REST: 201 answers; intake: records the broker acknowledged
 * @param errors REST: every other answer by status (429 and 503 included), or the exception;
 *     intake: failed sends
 * @param behindScheduleMs open loop only: how late the generator fell at worst
 * @param responseTime REST only: request to answer, all answers
 */
public record Traffic(
    long requests,
    long accepted,
    Map<String, Long> errors,
    double sentPerSecond,
    double behindScheduleMs,
    LatencySummary responseTime) {}
