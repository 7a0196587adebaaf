package io.crossdesk.benchmark.result;

/**
 * The MongoDB-compatible store alone, driven with the real MongoDB Java driver: the services' own
 * commands, recorded and replayed, and plain inserts for reference. Databases of its own, dropped
 * afterwards.
 *
 * @param replay the recorded commands replayed: the store's ceiling for what the services do
 * @param singleInserts reference: small documents by insertOne
 * @param bulkInserts reference: the same by insertMany
 */
public record StoreBaselineResult(
    StoreReplayResult replay, RawLeg singleInserts, RawLeg bulkInserts) {

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
