package io.crossdesk.benchmark.result;

/**
 * Kafka alone, with records the size of an intake request: as fast as one producer sends with
 * acks=all, and the produce-to-consume latency at the benchmark's intake rate.
 *
 * @param messageBytes key, value and headers of one record
 * @param producedPerSecond acknowledged records per second, sending as fast as possible
 * @param consumedPerSecond records per second one consumer read, over the same leg
 * @param latencyRate the rate of the latency leg, records per second
 * @param latency record timestamp to consumer, at {@code latencyRate}
 */
public record BaselineResult(
    int messageBytes,
    double producedPerSecond,
    double consumedPerSecond,
    int latencyRate,
    LatencySummary latency) {}
