package io.crossdesk.analytics.kpi.messaging;

import io.crossdesk.analytics.kpi.application.AnalyticsProperties;
import io.crossdesk.analytics.kpi.domain.Backlog;
import io.crossdesk.analytics.kpi.domain.BucketKey;
import io.crossdesk.analytics.kpi.domain.Contribution;
import io.crossdesk.analytics.kpi.domain.Folded;
import io.crossdesk.analytics.kpi.domain.KpiTotals;
import io.crossdesk.analytics.kpi.domain.OpenTicket;
import io.crossdesk.analytics.kpi.domain.Signal;
import io.crossdesk.analytics.kpi.persistence.KpiBucketStore;
import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.Traces;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts one partition of a source topic into hour and day buckets. Its three stores are the
 * engine's state, committed with the input offsets in one transaction: each aggregate's state
 * (which of its events were counted), each bucket's totals, and the buckets changed since they were
 * last copied to MongoDB, with the offset that last changed them. A copy happens a flush interval
 * after a bucket is marked, and only then: every punctuation makes the engine commit a transaction,
 * so an idle partition schedules none. The marks are kept in a store, not in memory, so a crash
 * before the copy leaves the buckets marked after the restore, and the first copy after a start
 * takes them. What an event signals to the warnings is passed downstream.
 *
 * @param <S> what is remembered per aggregate
 */
final class KpiProcessor<S> implements Processor<String, String, String, Signal> {

  private static final Logger log = LoggerFactory.getLogger(KpiProcessor.class);
  private static final int COPY_BATCH = 500;
  private static final int MEASURED_PER_COPY = 10_000;

  /** How many of each partition's tickets nearest their deadline are copied with its backlog. */
  static final int NEAREST_DEADLINES = 20;

  private final KpiSource<S> from;
  private final JsonMapper json;
  private final ZoneId zone;
  private final KpiBucketStore copies;
  private final int generation;
  private final Duration flushInterval;
  private final Duration backlogInterval;
  private final Timer visibleAfter;

  /**
   * When the events counted since the last copy were published (their record timestamps), to
   * measure how long an event takes to show in the API; kept in memory for the metric only.
   */
  private final List<Long> publishedSinceCopy = new ArrayList<>();

  private KeyValueStore<String, S> states;
  private KeyValueStore<String, KpiTotals> buckets;
  private KeyValueStore<String, Long> changed;
  private KeyValueStore<String, OpenTicket> open;
  private ProcessorContext<String, Signal> context;
  private String source;

  /** The copy's punctuation while buckets are marked; null while none is. */
  private Cancellable copying;

  private final Traces traces;

  KpiProcessor(
      KpiSource<S> from,
      JsonMapper json,
      KpiBucketStore copies,
      AnalyticsProperties settings,
      int generation,
      Timer visibleAfter,
      Traces traces) {
    this.traces = traces;
    this.from = from;
    this.json = json;
    this.zone = settings.zone();
    this.copies = copies;
    this.generation = generation;
    this.flushInterval = settings.flushInterval();
    this.backlogInterval = settings.backlogInterval();
    this.visibleAfter = visibleAfter;
  }

  @Override
  public void init(ProcessorContext<String, Signal> context) {
    this.context = context;
    this.states = context.getStateStore(from.stateStore());
    this.buckets = context.getStateStore(from.bucketStore());
    this.changed = context.getStateStore(from.changedStore());
    this.source = from.topic() + "-" + context.taskId().partition();
    copies.register(generation, source);
    copyLater();
    if (from.hasBacklog()) {
      this.open = context.getStateStore(from.openStore());
      context.schedule(
          backlogInterval, PunctuationType.WALL_CLOCK_TIME, now -> copyBacklog(Instant.now()));
    }
  }

  @Override
  public void process(Record<String, String> record) {
    String type = header(record.headers(), CloudEventsBinding.TYPE);
    String eventId = header(record.headers(), CloudEventsBinding.ID);
    Class<? extends java.lang.Record> dataType = type == null ? null : from.counted().get(type);
    if (dataType == null || eventId == null || record.key() == null || record.value() == null) {
      return;
    }
    // A span of the ticket's trace, as every consumer of the event has.
    traces.consuming(
        header(record.headers(), CloudEventsBinding.TRACEPARENT),
        "analytics-service " + type,
        () -> count(record, type, eventId, dataType));
  }

  private void count(
      Record<String, String> record,
      String type,
      String eventId,
      Class<? extends java.lang.Record> dataType) {
    Object event;
    try {
      event = json.readValue(record.value(), dataType);
    } catch (JacksonException unreadable) {
      log.warn(
          "Not counted: event {} of type {} is unreadable: {}",
          eventId,
          type,
          unreadable.getOriginalMessage());
      return;
    }
    S before = states.get(record.key());
    Folded<S> folded =
        from.ledger().fold(before == null ? from.ledger().unknown() : before, eventId, event);
    states.put(record.key(), folded.state());
    if (open != null) {
      OpenTicket now = from.backlog().apply(record.key(), folded.state());
      if (now != null) {
        open.put(record.key(), now);
      } else if (before != null && from.backlog().apply(record.key(), before) != null) {
        open.delete(record.key());
      }
    }
    for (Signal signal : folded.signals()) {
      context.forward(new Record<>(record.key(), signal, record.timestamp()));
    }
    if (!folded.contributions().isEmpty()) {
      // Its time to show is measured at the copy after it, which is scheduled here.
      if (publishedSinceCopy.size() < MEASURED_PER_COPY) {
        publishedSinceCopy.add(record.timestamp());
      }
      copyLater();
    }
    long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(0L);
    for (Contribution contribution : folded.contributions()) {
      if (contribution.at() == null) {
        continue;
      }
      for (BucketKey key : BucketKey.of(contribution, zone, from.granularities())) {
        String id = key.toString();
        KpiTotals totals = buckets.get(id);
        if (totals == null) {
          totals = new KpiTotals();
        }
        totals.add(contribution);
        buckets.put(id, totals);
        changed.put(id, offset);
      }
    }
  }

  /** Schedules the copy of the marked buckets a flush interval from now, unless it is scheduled. */
  private void copyLater() {
    if (copying == null) {
      copying =
          context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, now -> copyChanged());
    }
  }

  /** Copies the changed buckets to MongoDB; what fails to copy stays marked for the next time. */
  private void copyChanged() {
    // The marks are read first and the iterator closed: a copy deletes the marks it copied.
    List<KeyValue<String, Long>> marked = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = changed.all()) {
      all.forEachRemaining(marked::add);
    }
    for (int from = 0; from < marked.size(); from += COPY_BATCH) {
      if (!copy(marked.subList(from, Math.min(marked.size(), from + COPY_BATCH)))) {
        return;
      }
    }
    long now = System.currentTimeMillis();
    for (long published : publishedSinceCopy) {
      visibleAfter.record(Math.max(0, now - published), TimeUnit.MILLISECONDS);
    }
    publishedSinceCopy.clear();
    // Every mark read is copied and deleted, and none was added meanwhile (a task is one thread).
    copying.cancel();
    copying = null;
  }

  private boolean copy(List<KeyValue<String, Long>> batch) {
    if (batch.isEmpty()) {
      return true;
    }
    List<KpiBucketStore.Written> values = new ArrayList<>(batch.size());
    for (KeyValue<String, Long> marked : batch) {
      KpiTotals totals = buckets.get(marked.key);
      if (totals != null) {
        values.add(new KpiBucketStore.Written(BucketKey.parse(marked.key), marked.value, totals));
      }
    }
    try {
      copies.write(generation, source, values);
    } catch (RuntimeException unavailable) {
      log.warn(
          "KPI buckets of {} not copied yet, tried again in {}: {}",
          source,
          flushInterval,
          unavailable.toString());
      return false;
    }
    for (KeyValue<String, Long> marked : batch) {
      changed.delete(marked.key);
    }
    return true;
  }

  /** Copies this partition's backlog as it stands: its size follows the open tickets. */
  private void copyBacklog(Instant now) {
    List<OpenTicket> tickets = new ArrayList<>();
    try (KeyValueIterator<String, OpenTicket> all = open.all()) {
      all.forEachRemaining(entry -> tickets.add(entry.value));
    }
    try {
      copies.writeBacklog(
          generation,
          source,
          now,
          Backlog.of(tickets, now),
          Backlog.nearestDeadlines(tickets, NEAREST_DEADLINES));
    } catch (RuntimeException unavailable) {
      log.warn(
          "The backlog of {} was not copied, tried again later: {}",
          source,
          unavailable.toString());
    }
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
