package io.crossdesk.benchmark.baseline;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.crossdesk.benchmark.baseline.TicketDocuments.MixTicket;
import io.crossdesk.benchmark.load.IntakeRequests;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Replays, against the store alone, the store operations that one ticket opened over intake causes
 * end to end, stage by stage as the services run them, each stage with the services' threads:
 *
 * <ul>
 *   <li>ticket-service intake (3 consumers): customer by {@code _id}, ticket by its unique intake
 *       key, the pending marker (insertMany of one), the ticket with TicketOpened in its outbox;
 *   <li>ticket-service relay (1 thread): passes of up to 500 queued tickets, each one find by
 *       {@code _id $in}, one bulk {@code $pull} of the published events, one deleteMany of the
 *       markers; the events then go to the consumers below;
 *   <li>workorder-service (3 consumers): marker, work order with WorkOrderRouted in its outbox, and
 *       its own relay (1 thread) the same way;
 *   <li>ticket-service routing (3 consumers): ticket by {@code _id}, versioned update of its state;
 *   <li>notification-service (3 consumers): contact by {@code _id}, the notification;
 *   <li>analytics-service (one batch consumer per partition of each topic): the batch's processed
 *       records in one insertMany, the partition's totals read by {@code _id} and updated.
 * </ul>
 *
 * A ticket is complete when its four last operations (routing update, notification, both analytics
 * batches) are done. At most {@link #WINDOW} tickets are on their way at once, as in the fill.
 */
final class TicketMix {

  /** Tickets on their way at most, as the fill keeps them. */
  static final int WINDOW = 500;

  /** The relay's batch and the consumers' max.poll.records. */
  private static final int BATCH = 500;

  private static final int PARTITIONS = 3;
  private static final int CONSUMERS = 3;
  private static final int LAST_STEPS = 4;
  private static final String TICKETS = "tickets";
  private static final String WORK_ORDERS = "work_orders";
  private static final String PENDING = "outbox_pending";
  private static final String ANALYTICS_TICKETS = "analytics-service.tickets";
  private static final String ANALYTICS_WORKORDERS = "analytics-service.workorders";

  private final String customerId = UUID.randomUUID().toString();
  private final String runTag;
  private final MongoDatabase tickets;
  private final MongoDatabase workOrders;
  private final MongoDatabase notifications;
  private final MongoDatabase analytics;
  private final Semaphore window = new Semaphore(WINDOW);
  private final AtomicLong sequence = new AtomicLong();
  private final LongAdder completed = new LongAdder();
  private final Map<String, LongAdder[]> batches = new ConcurrentHashMap<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, Integer> threadsByStage = new LinkedHashMap<>();
  private final Map<String, Integer> documentBytes = new ConcurrentHashMap<>();
  private final BlockingQueue<MixTicket> ticketRelay = new LinkedBlockingQueue<>();
  private final BlockingQueue<MixTicket> workOrderIntake = new LinkedBlockingQueue<>();
  private final BlockingQueue<MixTicket> workOrderRelay = new LinkedBlockingQueue<>();
  private final BlockingQueue<MixTicket> ticketRouting = new LinkedBlockingQueue<>();
  private final BlockingQueue<MixTicket> notificationIntake = new LinkedBlockingQueue<>();
  private final List<BlockingQueue<MixTicket>> ticketPartitions = partitions();
  private final List<BlockingQueue<MixTicket>> workOrderPartitions = partitions();
  private final Map<MixTicket, AtomicInteger> remaining = new ConcurrentHashMap<>();
  private final Map<String, Long> offsets = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  /**
   * One client per service, as each service has its own connection pool; {@code prefix} starts the
   * names of the throwaway databases.
   */
  TicketMix(
      String prefix,
      String runTag,
      MongoClient ticketService,
      MongoClient workOrderService,
      MongoClient notificationService,
      MongoClient analyticsService) {
    this.runTag = runTag;
    this.tickets = ticketService.getDatabase(prefix + "tickets");
    this.workOrders = workOrderService.getDatabase(prefix + "workorders");
    this.notifications = notificationService.getDatabase(prefix + "notifications");
    this.analytics = analyticsService.getDatabase(prefix + "analytics");
  }

  /** The services' indexes, exactly as they declare them, and the customer the tickets are for. */
  void prepare() {
    MongoCollection<Document> ticketCollection = tickets.getCollection(TICKETS);
    ticketCollection.createIndex(
        Indexes.ascending("sourceSystem", "externalId"),
        new IndexOptions().unique(true).sparse(true).name("intake_request"));
    ticketCollection.createIndex(
        Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("openedAt")),
        new IndexOptions().name("customer_newest_first"));
    ticketCollection.createIndex(
        Indexes.compoundIndex(Indexes.ascending("department"), Indexes.descending("openedAt")),
        new IndexOptions().name("department_newest_first"));
    ticketCollection.createIndex(
        Indexes.descending("openedAt"), new IndexOptions().name("newest_first"));
    idVersion(ticketCollection);
    tickets.getCollection("customers").insertOne(TicketDocuments.customer(customerId));

    MongoCollection<Document> orders = workOrders.getCollection(WORK_ORDERS);
    orders.createIndex(
        Indexes.ascending("ticketId"), new IndexOptions().unique(true).name("one_per_ticket"));
    orders.createIndex(
        Indexes.compoundIndex(Indexes.ascending("department"), Indexes.descending("createdAt")),
        new IndexOptions().name("department_queue"));
    orders.createIndex(Indexes.descending("createdAt"), new IndexOptions().name("newest_first"));
    idVersion(orders);

    MongoCollection<Document> sent = notifications.getCollection("notifications");
    sent.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true).name("eventId"));
    sent.createIndex(
        Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("createdAt")),
        new IndexOptions().name("customer_newest_first"));
    sent.createIndex(
        Indexes.compoundIndex(Indexes.ascending("ticketId"), Indexes.descending("createdAt")),
        new IndexOptions().name("ticket_newest_first"));
    notifications.getCollection("contacts").insertOne(TicketDocuments.contact(customerId));

    analytics
        .getCollection("processed_events")
        .createIndex(
            Indexes.ascending("processedAt"),
            new IndexOptions().name("processed_events_ttl").expireAfter(8L, TimeUnit.DAYS));
  }

  /** Starts every stage's threads; tickets flow until {@link #stop}. */
  void start() {
    stage("ticket-service intake", CONSUMERS, () -> intake());
    stage(
        "ticket-service relay",
        1,
        () -> drain(ticketRelay, "ticket-service relay", batch -> relayTickets(batch)));
    stage(
        "workorder-service tickets",
        CONSUMERS,
        () -> drain(workOrderIntake, null, batch -> batch.forEach(this::route)));
    stage(
        "workorder-service relay",
        1,
        () -> drain(workOrderRelay, "workorder-service relay", batch -> relayWorkOrders(batch)));
    stage(
        "ticket-service work orders",
        CONSUMERS,
        () -> drain(ticketRouting, null, batch -> batch.forEach(this::routed)));
    stage(
        "notification-service tickets",
        CONSUMERS,
        () -> drain(notificationIntake, null, batch -> batch.forEach(this::acknowledge)));
    for (int p = 0; p < PARTITIONS; p++) {
      int partition = p;
      stage(
          "analytics-service tickets",
          1,
          () ->
              drain(
                  ticketPartitions.get(partition),
                  "analytics-service batch",
                  batch -> project(ANALYTICS_TICKETS, Topics.TICKETS, partition, batch)));
      stage(
          "analytics-service work orders",
          1,
          () ->
              drain(
                  workOrderPartitions.get(partition),
                  "analytics-service batch",
                  batch -> project(ANALYTICS_WORKORDERS, Topics.WORKORDERS, partition, batch)));
    }
  }

  /** Tickets whose every operation is done, so far. */
  long completed() {
    rethrow();
    return completed.sum();
  }

  /** Documents per command of each batched stage, so far. */
  Map<String, Double> meanBatch() {
    Map<String, Double> mean = new TreeMap<>();
    batches.forEach(
        (stage, counts) ->
            mean.put(stage, counts[0].sum() == 0 ? 0 : (double) counts[1].sum() / counts[0].sum()));
    return mean;
  }

  Map<String, Integer> threadsByStage() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(threadsByStage));
  }

  Map<String, Integer> documentBytes() {
    return new TreeMap<>(documentBytes);
  }

  /** Stops every stage after the command it is in, and waits for them. */
  void stop() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    rethrow();
  }

  // --- ticket-service ----------------------------------------------------------------------

  private void intake() {
    MongoCollection<Document> customers = tickets.getCollection("customers");
    MongoCollection<Document> ticketCollection = tickets.getCollection(TICKETS);
    MongoCollection<Document> markers = tickets.getCollection(PENDING);
    while (running) {
      try {
        if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
      } catch (InterruptedException e) {
        return;
      }
      MixTicket t = new MixTicket(runTag + "-store-" + sequence.incrementAndGet(), customerId);
      remaining.put(t, new AtomicInteger(LAST_STEPS));
      customers.find(Filters.eq("_id", t.customerId)).first();
      ticketCollection
          .find(
              new Document("sourceSystem", IntakeRequests.SOURCE_SYSTEM)
                  .append("externalId", t.externalId))
          .first();
      markers.insertMany(
          List.of(TicketDocuments.marker(t.ticketEventId, TICKETS, t.ticketId)),
          new InsertManyOptions().ordered(false));
      Document ticket = TicketDocuments.openedTicket(t);
      size(TICKETS, ticket);
      ticketCollection.insertOne(ticket);
      ticketRelay.add(t);
    }
  }

  private void relayTickets(List<MixTicket> batch) {
    relay(
        tickets,
        TICKETS,
        batch.stream().map(t -> t.ticketId).toList(),
        batch.stream().map(t -> t.ticketEventId).toList(),
        () ->
            batch.forEach(
                t -> {
                  workOrderIntake.add(t);
                  notificationIntake.add(t);
                  ticketPartitions.get(partitionOf(t.ticketId)).add(t);
                }));
  }

  private void routed(MixTicket t) {
    MongoCollection<Document> ticketCollection = tickets.getCollection(TICKETS);
    ticketCollection.find(Filters.eq("_id", t.ticketId)).first();
    ticketCollection.updateOne(
        TicketDocuments.sameVersion(t.ticketId, 0), TicketDocuments.routedTicketUpdate(t));
    done(t);
  }

  // --- workorder-service -------------------------------------------------------------------

  private void route(MixTicket t) {
    t.routedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    workOrders
        .getCollection(PENDING)
        .insertMany(
            List.of(TicketDocuments.marker(t.workOrderEventId, WORK_ORDERS, t.workOrderId)),
            new InsertManyOptions().ordered(false));
    Document order = TicketDocuments.workOrder(t);
    size(WORK_ORDERS, order);
    workOrders.getCollection(WORK_ORDERS).insertOne(order);
    workOrderRelay.add(t);
  }

  private void relayWorkOrders(List<MixTicket> batch) {
    relay(
        workOrders,
        WORK_ORDERS,
        batch.stream().map(t -> t.workOrderId).toList(),
        batch.stream().map(t -> t.workOrderEventId).toList(),
        () ->
            batch.forEach(
                t -> {
                  ticketRouting.add(t);
                  workOrderPartitions.get(partitionOf(t.workOrderId)).add(t);
                }));
  }

  /**
   * One relay pass: the outboxes by {@code _id $in}; the events go out (to the next stages); the
   * published events pulled from the outboxes in one bulk write; the markers removed in one delete.
   */
  private static void relay(
      MongoDatabase database,
      String collection,
      List<String> ids,
      List<String> eventIds,
      Runnable publish) {
    MongoCollection<Document> aggregates = database.getCollection(collection);
    aggregates
        .find(Filters.in("_id", ids))
        .projection(Projections.include("outbox"))
        .forEach(document -> {});
    publish.run();
    List<WriteModel<Document>> pulls = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      pulls.add(
          new UpdateOneModel<>(
              Filters.eq("_id", ids.get(i)),
              Updates.pullByFilter(
                  new Document(
                      "outbox",
                      new Document("eventId", new Document("$in", List.of(eventIds.get(i))))))));
    }
    aggregates.bulkWrite(pulls);
    database.getCollection(PENDING).deleteMany(Filters.in("_id", eventIds));
  }

  // --- notification-service ----------------------------------------------------------------

  private void acknowledge(MixTicket t) {
    notifications.getCollection("contacts").find(Filters.eq("_id", t.customerId)).first();
    Document notification = TicketDocuments.notification(t);
    size("notifications", notification);
    notifications.getCollection("notifications").insertOne(notification);
    done(t);
  }

  // --- analytics-service -------------------------------------------------------------------

  /**
   * One batch of one partition: the processed records in one insertMany, the partition's totals
   * read by {@code _id}, then inserted or updated where the offset read is still there.
   */
  private void project(String consumer, String topic, int partition, List<MixTicket> batch) {
    boolean opened = topic.equals(Topics.TICKETS);
    String type = opened ? EventTypes.TICKET_OPENED : EventTypes.WORKORDER_ROUTED;
    String partitionId = consumer + ":" + topic + "-" + partition;
    long offset = offsets.getOrDefault(partitionId, -1L);
    List<Document> processed = new ArrayList<>(batch.size());
    for (MixTicket t : batch) {
      offset++;
      processed.add(
          TicketDocuments.processedEvent(
              consumer,
              opened ? t.ticketEventId : t.workOrderEventId,
              type,
              topic + "/" + partition + "/" + offset));
    }
    size("processed_events", processed.get(0));
    try {
      analytics
          .getCollection("processed_events")
          .insertMany(processed, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      throw new IllegalStateException("processed events collided", e);
    }
    MongoCollection<Document> totals = analytics.getCollection("kpi_partitions");
    Document read = totals.find(Filters.eq("_id", partitionId)).first();
    Map<String, Long> counts = new TreeMap<>();
    counts.merge("EVENTS_BY_TYPE:" + type.replace(".", "%2E"), (long) batch.size(), Long::sum);
    if (opened) {
      counts.merge(
          "TICKETS_BY_CATEGORY:" + TicketDocuments.CATEGORY, (long) batch.size(), Long::sum);
      counts.merge("TICKETS_BY_CHANNEL:" + TicketDocuments.CHANNEL, (long) batch.size(), Long::sum);
    } else {
      counts.merge(
          "WORK_ORDERS_BY_DEPARTMENT:" + TicketDocuments.DEPARTMENT,
          (long) batch.size(),
          Long::sum);
    }
    long routingMillis = 0;
    long maxMillis = 0;
    if (!opened) {
      for (MixTicket t : batch) {
        long millis = t.routedAt.toEpochMilli() - t.openedAt.toEpochMilli();
        routingMillis += millis;
        maxMillis = Math.max(maxMillis, millis);
      }
    }
    long routed = opened ? 0 : batch.size();
    if (read == null) {
      Document countsDocument = new Document();
      counts.forEach(countsDocument::append);
      totals.insertOne(
          new Document("_id", partitionId)
              .append("offset", offset)
              .append("counts", countsDocument)
              .append(
                  "routing",
                  new Document("count", routed)
                      .append("totalMillis", routingMillis)
                      .append("maxMillis", maxMillis)));
    } else {
      Document inc = new Document();
      counts.forEach((counter, n) -> inc.append("counts." + counter, n));
      if (routed > 0) {
        inc.append("routing.count", routed).append("routing.totalMillis", routingMillis);
      }
      Document update = new Document("$set", new Document("offset", offset)).append("$inc", inc);
      if (routed > 0) {
        update.append("$max", new Document("routing.maxMillis", maxMillis));
      }
      // Filters.and as analytics-service writes it: an $and, which the store answers by reading
      // the partitions' few documents.
      totals.updateOne(
          Filters.and(
              Filters.eq("_id", partitionId),
              Filters.eq("offset", read.get("offset", Number.class).longValue())),
          update);
    }
    offsets.put(partitionId, offset);
    batch.forEach(this::done);
  }

  // --- plumbing ----------------------------------------------------------------------------

  private void stage(String name, int count, Runnable work) {
    threadsByStage.merge(name, count, Integer::sum);
    for (int i = 0; i < count; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  work.run();
                } catch (RuntimeException e) {
                  failure.compareAndSet(null, e);
                  running = false;
                }
              },
              "store-mix-" + name.replace(' ', '-') + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Takes what is queued, up to a batch when {@code batched} names the stage, and works it. */
  private void drain(
      BlockingQueue<MixTicket> queue, String batched, Consumer<List<MixTicket>> work) {
    while (running) {
      MixTicket first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (first == null) {
        continue;
      }
      List<MixTicket> batch = new ArrayList<>();
      batch.add(first);
      if (batched != null) {
        queue.drainTo(batch, BATCH - 1);
        LongAdder[] counts =
            batches.computeIfAbsent(
                batched, s -> new LongAdder[] {new LongAdder(), new LongAdder()});
        counts[0].increment();
        counts[1].add(batch.size());
      }
      work.accept(batch);
    }
  }

  private void done(MixTicket t) {
    AtomicInteger left = remaining.get(t);
    if (left != null && left.decrementAndGet() == 0) {
      remaining.remove(t);
      completed.increment();
      window.release();
    }
  }

  private void size(String collection, Document document) {
    if (!documentBytes.containsKey(collection)) {
      documentBytes.put(
          collection,
          new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining());
    }
  }

  private static void idVersion(MongoCollection<Document> collection) {
    collection.createIndex(
        Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
  }

  private static int partitionOf(String key) {
    return Math.floorMod(key.hashCode(), PARTITIONS);
  }

  private static List<BlockingQueue<MixTicket>> partitions() {
    List<BlockingQueue<MixTicket>> queues = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      queues.add(new LinkedBlockingQueue<>());
    }
    return List.copyOf(queues);
  }

  private void rethrow() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw new IllegalStateException("the store-alone replay failed: " + e, e);
    }
  }

  static Set<String> databases(String prefix) {
    return Set.of(
        prefix + "tickets", prefix + "workorders", prefix + "notifications", prefix + "analytics");
  }
}
