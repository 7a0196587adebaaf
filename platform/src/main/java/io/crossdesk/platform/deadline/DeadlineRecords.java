package io.crossdesk.platform.deadline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads deadlines wherever their kind keeps them: in the {@link DeadlineStorage} that declared the
 * kind, or in deadline documents. A deadline of a stored kind that its storage does not hold is
 * looked for among the documents too: it was scheduled before its kind moved into its aggregates,
 * and fires from its document once.
 */
final class DeadlineRecords {

  /** A deadline as read, and the storage that keeps it; null for a deadline document. */
  record Found(StoredDeadline deadline, DeadlineStorage storage) {}

  private final DeadlineDocuments documents;
  private final Map<String, DeadlineStorage> storages = new ConcurrentHashMap<>();

  DeadlineRecords(DeadlineDocuments documents) {
    this.documents = documents;
  }

  void keepIn(DeadlineStorage storage) {
    for (String kind : storage.kinds()) {
      DeadlineStorage other = storages.putIfAbsent(kind, storage);
      if (other != null && !other.equals(storage)) {
        throw new IllegalStateException(
            "deadlines of kind " + kind + " are kept elsewhere already");
      }
    }
  }

  Optional<DeadlineStorage> storageOf(String kind) {
    return Optional.ofNullable(storages.get(kind));
  }

  Optional<Found> find(DeadlineKey key) {
    return Optional.ofNullable(load(List.of(key.id())).get(key.id()));
  }

  /** The deadlines found under these ids, by id. */
  Map<String, Found> load(Collection<String> ids) {
    Map<DeadlineStorage, List<DeadlineKey>> stored = new LinkedHashMap<>();
    List<String> inDocuments = new ArrayList<>();
    for (String id : ids) {
      DeadlineStorage storage =
          DeadlineKey.fromId(id).map(key -> storages.get(key.kind())).orElse(null);
      if (storage == null) {
        inDocuments.add(id);
      } else {
        stored.computeIfAbsent(storage, s -> new ArrayList<>()).add(DeadlineKey.fromId(id).get());
      }
    }
    Map<String, Found> found = new HashMap<>();
    stored.forEach(
        (storage, keys) -> {
          Map<String, StoredDeadline> loaded = storage.load(keys);
          for (DeadlineKey key : keys) {
            StoredDeadline deadline = loaded.get(key.id());
            if (deadline == null) {
              inDocuments.add(key.id());
            } else {
              found.put(key.id(), new Found(deadline, storage));
            }
          }
        });
    if (!inDocuments.isEmpty()) {
      documents
          .load(inDocuments)
          .forEach(
              (id, document) ->
                  found.put(id, new Found(DeadlineDocuments.toStored(document), null)));
    }
    return found;
  }
}
