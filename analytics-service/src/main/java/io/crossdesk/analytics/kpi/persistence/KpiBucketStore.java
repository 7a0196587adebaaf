package io.crossdesk.analytics.kpi.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.crossdesk.analytics.kpi.domain.Backlog;
import io.crossdesk.analytics.kpi.domain.BucketKey;
import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.Granularity;
import io.crossdesk.analytics.kpi.domain.KpiTotals;
import io.crossdesk.analytics.kpi.domain.OpenTicket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The KPI buckets as the API reads them: a copy of the engine's state stores, kept by the engine.
 * One document per generation, bucket, dimension and source partition ({@code
 * 1|D|2026-12-05|department|crossdesk.tickets-0}), holding each group's totals under {@code
 * values}. Each group's totals carry the offset of the last event in them ({@code seq}); a write
 * never replaces newer totals with older ones, so a copy written late by an instance that lost the
 * partition changes nothing: it reads the documents, keeps what is newer than what is stored, and
 * writes under the version it read. Requests find documents by {@code _id} only.
 */
@Component
public class KpiBucketStore {

  static final String BUCKETS = "kpi_buckets";
  static final String SOURCES = "kpi_sources";
  static final String VERSION = "version";
  private static final int ATTEMPTS = 5;

  /** The totals of one bucket and group, as of the event at offset {@code seq}. */
  public record Written(BucketKey key, long seq, KpiTotals totals) {}

  private final MongoTemplate mongo;

  public KpiBucketStore(MongoTemplate mongo) {
    this.mongo = mongo;
    // It never refuses a write (_id is unique by itself); the embedded server needs it to find
    // {_id, version} without reading the whole collection.
    collection(BUCKETS)
        .createIndex(
            Indexes.ascending("_id", VERSION), new IndexOptions().unique(true).name("id_version"));
  }

  /** Records that a generation's figures include a source partition, so requests read it. */
  public void register(int generation, String source) {
    collection(SOURCES)
        .updateOne(
            Filters.eq("_id", generation),
            Updates.addToSet("sources", source),
            new UpdateOptions().upsert(true));
  }

  public List<String> sources(int generation) {
    Document registry = collection(SOURCES).find(Filters.eq("_id", generation)).first();
    return registry == null ? List.of() : registry.getList("sources", String.class);
  }

  /**
   * Copies totals, each unless newer ones are stored: the documents are read in one look-up and
   * written in one bulk write under the version read, both by {@code _id} (the embedded server
   * finds {@code {_id, version}} by the {@code id_version} index). A document another copy wrote
   * meanwhile matches nothing and is read and decided again.
   */
  public void write(int generation, String source, List<Written> values) {
    Map<String, List<Written>> byId = new LinkedHashMap<>();
    for (Written value : values) {
      byId.computeIfAbsent(id(generation, value.key(), source), id -> new ArrayList<>()).add(value);
    }
    for (int attempt = 1; !byId.isEmpty(); attempt++) {
      Map<String, Document> stored = new HashMap<>();
      collection(BUCKETS)
          .find(Filters.in("_id", byId.keySet()))
          .forEach(document -> stored.put(document.getString("_id"), document));
      List<WriteModel<Document>> writes = new ArrayList<>();
      List<String> written = new ArrayList<>();
      byId.forEach(
          (id, newer) -> {
            Document bucket = stored.get(id);
            Document groups = new Document();
            for (Written value : newer) {
              Long storedSeq = storedSeq(bucket, value.key().group());
              if (storedSeq == null || storedSeq < value.seq()) {
                groups.append(encode(value.key().group()), document(value));
              }
            }
            if (groups.isEmpty()) {
              return;
            }
            written.add(id);
            if (bucket == null) {
              writes.add(
                  new InsertOneModel<>(
                      new Document("_id", id).append(VERSION, 0L).append("values", groups)));
              return;
            }
            Document set = new Document();
            groups.forEach((group, value) -> set.append("values." + group, value));
            writes.add(
                new UpdateOneModel<>(
                    // a bucket of an earlier version has none: null matches it
                    new Document("_id", id).append(VERSION, bucket.get(VERSION)),
                    Updates.combine(new Document("$set", set), Updates.inc(VERSION, 1L))));
          });
      if (writes.isEmpty()) {
        return;
      }
      int done;
      try {
        BulkWriteResult result =
            collection(BUCKETS).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        done = result.getMatchedCount() + result.getInsertedCount();
      } catch (MongoBulkWriteException e) {
        // A duplicate _id is a new bucket another copy inserted first: decided again.
        for (BulkWriteError error : e.getWriteErrors()) {
          if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
        }
        done = -1;
      }
      if (done == writes.size()) {
        return;
      }
      if (attempt == ATTEMPTS) {
        throw new IllegalStateException(
            "KPI buckets of " + source + " kept changing during " + ATTEMPTS + " copies");
      }
      // Some lost a race: only what is still older than these totals is written again.
      byId.keySet().retainAll(written);
    }
  }

  private static Long storedSeq(Document bucket, String group) {
    if (bucket == null) {
      return null;
    }
    Document stored = bucket.get("values", Document.class);
    Document value = stored == null ? null : stored.get(encode(group), Document.class);
    return value == null ? null : ((Number) value.get("seq")).longValue();
  }

  /**
   * The totals per bucket label and group, summed over the sources.
   *
   * @return label to group to totals, for the labels that have any
   */
  public Map<String, Map<String, KpiTotals>> read(
      int generation, Granularity granularity, List<String> labels, Dimension dimension) {
    List<String> sources = sources(generation);
    Map<String, String> labelOf = new HashMap<>();
    for (String label : labels) {
      for (String source : sources) {
        labelOf.put(
            id(generation, new BucketKey(granularity, label, dimension, ""), source), label);
      }
    }
    Map<String, Map<String, KpiTotals>> totals = new LinkedHashMap<>();
    if (labelOf.isEmpty()) {
      return totals;
    }
    for (Document bucket : collection(BUCKETS).find(Filters.in("_id", labelOf.keySet()))) {
      String label = labelOf.get(bucket.getString("_id"));
      Document values = bucket.get("values", Document.class);
      if (values == null) {
        continue;
      }
      Map<String, KpiTotals> groups = totals.computeIfAbsent(label, l -> new TreeMap<>());
      values.forEach(
          (field, value) ->
              groups
                  .computeIfAbsent(decode(field), g -> new KpiTotals())
                  .add(totals((Document) value)));
    }
    return totals;
  }

  /** One partition's backlog as it stood at {@code asOf}. */
  public void writeBacklog(
      int generation,
      String source,
      Instant asOf,
      Map<Dimension, Map<String, Backlog.Ages>> backlog,
      List<OpenTicket> nearest) {
    Document groups = new Document();
    backlog.forEach(
        (dimension, ages) -> {
          Document byGroup = new Document();
          ages.forEach(
              (group, age) ->
                  byGroup.append(
                      encode(group),
                      new Document("open", age.open())
                          .append("underOneDay", age.underOneDay())
                          .append("oneToFiveDays", age.oneToFiveDays())
                          .append("fiveToTenDays", age.fiveToTenDays())
                          .append("overTenDays", age.overTenDays())
                          .append("oldestOpenedAt", date(age.oldestOpenedAt()))));
          groups.append(dimension.id(), byGroup);
        });
    List<Document> due =
        nearest.stream()
            .map(
                ticket -> {
                  Document groupsOf = new Document();
                  ticket.groups().forEach((d, value) -> groupsOf.append(d.id(), value));
                  return new Document("ticketId", ticket.ticketId())
                      .append("ticketNumber", ticket.ticketNumber())
                      .append("openedAt", date(ticket.openedAt()))
                      .append("resolveBy", date(ticket.resolveBy()))
                      .append("groups", groupsOf);
                })
            .toList();
    collection(BUCKETS)
        .replaceOne(
            Filters.eq("_id", backlogId(generation, source)),
            new Document("asOf", date(asOf)).append("groups", groups).append("nearest", due),
            new com.mongodb.client.model.ReplaceOptions().upsert(true));
  }

  /** The backlog summed over the sources: when it was last copied, and each group's ages. */
  public record BacklogCopy(
      Instant asOf, Map<String, Backlog.Ages> groups, List<OpenTicket> nearest) {}

  public BacklogCopy backlog(int generation, Dimension dimension) {
    List<String> ids = sources(generation).stream().map(s -> backlogId(generation, s)).toList();
    Instant asOf = null;
    Map<String, Backlog.Ages> groups = new TreeMap<>();
    List<OpenTicket> nearest = new ArrayList<>();
    for (Document copy : collection(BUCKETS).find(Filters.in("_id", ids))) {
      Instant copied = copy.getDate("asOf").toInstant();
      asOf = asOf == null || copied.isBefore(asOf) ? copied : asOf;
      Document byGroup = copy.get("groups", Document.class).get(dimension.id(), Document.class);
      if (byGroup != null) {
        byGroup.forEach(
            (field, value) -> {
              Document age = (Document) value;
              groups.merge(
                  decode(field),
                  new Backlog.Ages(
                      age.get("open", Number.class).longValue(),
                      age.get("underOneDay", Number.class).longValue(),
                      age.get("oneToFiveDays", Number.class).longValue(),
                      age.get("fiveToTenDays", Number.class).longValue(),
                      age.get("overTenDays", Number.class).longValue(),
                      instant(age.getDate("oldestOpenedAt"))),
                  Backlog.Ages::plus);
            });
      }
      for (Document ticket : copy.getList("nearest", Document.class)) {
        Map<Dimension, String> groupsOf = new java.util.EnumMap<>(Dimension.class);
        ticket
            .get("groups", Document.class)
            .forEach((d, value) -> groupsOf.put(Dimension.fromId(d), (String) value));
        nearest.add(
            new OpenTicket(
                ticket.getString("ticketId"),
                ticket.getString("ticketNumber"),
                instant(ticket.getDate("openedAt")),
                instant(ticket.getDate("resolveBy")),
                groupsOf));
      }
    }
    nearest.sort(java.util.Comparator.comparing(OpenTicket::resolveBy));
    return new BacklogCopy(asOf, groups, nearest);
  }

  private static String backlogId(int generation, String source) {
    return generation + "|backlog|" + source;
  }

  private static java.util.Date date(Instant at) {
    return at == null ? null : java.util.Date.from(at);
  }

  private static Instant instant(java.util.Date date) {
    return date == null ? null : date.toInstant();
  }

  /** Deletes a retired generation's copies and its list of sources. */
  public void deleteGeneration(int generation) {
    collection(BUCKETS).deleteMany(Filters.regex("_id", "^" + generation + "\\|"));
    collection(SOURCES).deleteOne(Filters.eq("_id", generation));
  }

  private static String id(int generation, BucketKey key, String source) {
    return generation
        + "|"
        + key.granularity().code()
        + "|"
        + key.label()
        + "|"
        + key.dimension().id()
        + "|"
        + source;
  }

  private static Document document(Written value) {
    Document bins = new Document();
    value
        .totals()
        .bins()
        .forEach(
            (metric, histogram) -> {
              Document counts = new Document();
              histogram.forEach((bin, count) -> counts.append(Integer.toString(bin), count));
              bins.append(metric, counts);
            });
    return new Document("seq", value.seq())
        .append("counts", new Document(value.totals().counts()))
        .append("bins", bins);
  }

  private static KpiTotals totals(Document stored) {
    SortedMap<String, Long> counts = new TreeMap<>();
    Document storedCounts = stored.get("counts", Document.class);
    if (storedCounts != null) {
      storedCounts.forEach((counter, count) -> counts.put(counter, ((Number) count).longValue()));
    }
    SortedMap<String, SortedMap<Integer, Long>> bins = new TreeMap<>();
    Document storedBins = stored.get("bins", Document.class);
    if (storedBins != null) {
      storedBins.forEach(
          (metric, histogram) -> {
            SortedMap<Integer, Long> counted = new TreeMap<>();
            ((Document) histogram)
                .forEach(
                    (bin, count) ->
                        counted.put(Integer.valueOf(bin), ((Number) count).longValue()));
            bins.put(metric, counted);
          });
    }
    return new KpiTotals(counts, bins);
  }

  private MongoCollection<Document> collection(String name) {
    return mongo.getCollection(name);
  }

  /** Field names may hold neither dots nor a leading dollar; group values may. */
  static String encode(String group) {
    return group.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
  }

  static String decode(String field) {
    return field.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
  }
}
