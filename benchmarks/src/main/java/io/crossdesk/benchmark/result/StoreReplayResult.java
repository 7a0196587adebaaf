package io.crossdesk.benchmark.result;

import java.util.Map;

/**
 * The services' own store commands, recorded by the store during a measured phase and replayed
 * against fresh databases on the same store as fast as it answers them.
 *
 * @param file the recording
 * @param recordedDuring the phase the store recorded, "round: phase"; null when the recording came
 *     from elsewhere ({@code --store-only --replay})
 * @param recordedSeconds how long the recording ran
 * @param commands the recorded commands, every one of them replayed
 * @param tickets tickets in the recording: documents inserted into a {@code tickets} collection
 * @param commandsPerTicket recorded commands per ticket, by command and "total"
 * @param skippedWhileRecording commands the store did not record, by name (cursor continuations,
 *     handshake, monitoring)
 * @param setupCommands commands run before the measured replay: the collections, their indexes and
 *     the documents the store held when the recording started
 * @param setupDocuments documents those commands inserted
 * @param threads replay threads, each replaying one contiguous part of the recording in order
 * @param seconds from the first replayed command to the last answer
 * @param commandsPerSecond commands over seconds
 * @param ticketsPerSecond the store alone's ceiling: commandsPerSecond divided by the recorded
 *     commands per ticket; null without tickets in the recording
 * @param storeCpuSeconds user plus system CPU of the store process during the replay; null when its
 *     pid is unknown
 * @param storeCpuMillisPerTicket storeCpuSeconds per recorded ticket, in ms
 * @param storeCpuMillisPerCommand storeCpuSeconds per command, in ms
 * @param refused replayed commands the store answered with an error, by command
 * @param answeredDifferently replayed commands whose answer differs from the recorded one (ok, n,
 *     nModified, documents returned, write errors), by command: how far the replay did not do what
 *     the services made the store do
 * @param setupRefused setup commands the store answered with an error
 */
public record StoreReplayResult(
    String file,
    String recordedDuring,
    double recordedSeconds,
    long commands,
    long tickets,
    Map<String, Double> commandsPerTicket,
    Map<String, Long> skippedWhileRecording,
    long setupCommands,
    long setupDocuments,
    int threads,
    double seconds,
    double commandsPerSecond,
    Double ticketsPerSecond,
    Double storeCpuSeconds,
    Double storeCpuMillisPerTicket,
    Double storeCpuMillisPerCommand,
    Map<String, Long> refused,
    Map<String, Long> answeredDifferently,
    long setupRefused) {

  public long answeredDifferentlyTotal() {
    return answeredDifferently.values().stream().mapToLong(Long::longValue).sum();
  }

  public long refusedTotal() {
    return refused.values().stream().mapToLong(Long::longValue).sum();
  }
}
