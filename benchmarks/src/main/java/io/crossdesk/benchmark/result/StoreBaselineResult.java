package io.crossdesk.benchmark.result;

import java.util.Map;

/**
 * The MongoDB-compatible store alone, driven with the real MongoDB Java driver on throwaway
 * databases: the operations one intake ticket causes, replayed with the services' documents,
 * indexes, batching and client threads, plus single and bulk inserts for reference.
 *
 * @param threadsByStage client threads per replayed consumer or relay, as the services run them
 * @param window tickets at most on their way through the replay at a time
 * @param warmUpSeconds replay before the measured window, to fill the pipeline
 * @param mixSeconds the measured window
 * @param ticketsCompleted tickets whose every operation finished within the measured window
 * @param ticketsPerSecond what the store allows for the mix: ticketsCompleted over mixSeconds
 * @param commandsPerTicket driver commands in the measured window per completed ticket, by command
 *     (as the services' driver metrics count them) and "total"
 * @param meanBatch documents per command of the batched stages (relay passes, analytics batches)
 * @param documentBytes BSON size of each document the mix inserts, by collection
 * @param storeCpuSeconds user plus system CPU of the store process in the measured window; null
 *     when its pid is unknown
 * @param storeCpuMillisPerTicket storeCpuSeconds per completed ticket, in ms
 */
public record StoreBaselineResult(
    Map<String, Integer> threadsByStage,
    int window,
    double warmUpSeconds,
    double mixSeconds,
    long ticketsCompleted,
    double ticketsPerSecond,
    Map<String, Double> commandsPerTicket,
    Map<String, Double> meanBatch,
    Map<String, Integer> documentBytes,
    Double storeCpuSeconds,
    Double storeCpuMillisPerTicket,
    RawLeg singleInserts,
    RawLeg bulkInserts) {

  /**
   * Inserts of documents with nothing but {@code _id} to index, as fast as the clients send them.
   *
   * @param batch documents per command: 1 for insertOne, more for insertMany
   * @param storeCpuMillisPerDocument CPU of the store process per inserted document; null when its
   *     pid is unknown
   */
  public record RawLeg(
      int threads,
      int batch,
      int documentBytes,
      long documents,
      double seconds,
      double documentsPerSecond,
      Double storeCpuMillisPerDocument) {}
}
