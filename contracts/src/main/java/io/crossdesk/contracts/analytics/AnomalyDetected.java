package io.crossdesk.contracts.analytics;

import java.time.Instant;

/**
 * Complaints of one category in one region came in far above their usual rate in one hour: at least
 * the minimum count and above the mean plus three standard deviations of the same key's trailing
 * hours. Raised once per spike. Key and subject: anomalyId.
 *
 * @param anomalyId {@code spike-<category>-<region>-<yyyyMMddHH of the hour, UTC>}, for example
 *     {@code spike-NETWORK-CN-SH-2026120509}
 * @param kind what was detected: COMPLAINT_SPIKE
 * @param hourStart the start of the hour the spike was seen in
 * @param observed complaints in that hour when it was raised
 * @param baselineMean the mean complaints per hour of the trailing hours
 * @param baselineStdDev their standard deviation
 * @param threshold the count the hour had to reach
 */
public record AnomalyDetected(
    String anomalyId,
    String kind,
    String category,
    String region,
    Instant hourStart,
    long observed,
    double baselineMean,
    double baselineStdDev,
    double threshold,
    Instant detectedAt) {}
