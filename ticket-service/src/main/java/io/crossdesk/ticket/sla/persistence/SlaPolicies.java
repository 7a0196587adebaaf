package io.crossdesk.ticket.sla.persistence;

import io.crossdesk.platform.time.BusinessCalendar;
import io.crossdesk.ticket.sla.domain.SlaPolicy;
import java.time.Clock;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every version of the SLA policy, kept in memory: tickets are opened, shown and escalated far more
 * often than an ADMIN changes the policy, so the store is read once at start-up, after each local
 * change, and every {@code crossdesk.sla.refresh} (30 s) for changes made on other instances.
 */
@Component
public class SlaPolicies implements InitializingBean {

  static final String COLLECTION = "sla_policies";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final AtomicReference<NavigableMap<Integer, SlaPolicy>> versions =
      new AtomicReference<>(new TreeMap<>());
  private final Map<Integer, BusinessCalendar> calendars = new ConcurrentHashMap<>();

  SlaPolicies(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    mongo
        .indexOps(COLLECTION)
        .createIndex(new Index().on("version", Sort.Direction.ASC).unique().named("version"));
    if (mongo.estimatedCount(COLLECTION) == 0) {
      try {
        mongo.insert(SlaPolicy.defaults(clock.instant()), COLLECTION);
      } catch (DuplicateKeyException seededByAnotherInstance) {
        // Both instances seed the same first version; one insert is enough.
      }
    }
    refresh();
  }

  @Scheduled(fixedDelayString = "${crossdesk.sla.refresh:30s}")
  public void refresh() {
    NavigableMap<Integer, SlaPolicy> loaded = new TreeMap<>();
    mongo.findAll(SlaPolicy.class, COLLECTION).forEach(p -> loaded.put(p.version(), p));
    versions.set(loaded);
  }

  public SlaPolicy current() {
    return versions.get().lastEntry().getValue();
  }

  /** The version a ticket was opened under; policies are never deleted. */
  public SlaPolicy version(int version) {
    SlaPolicy policy = versions.get().get(version);
    if (policy == null) {
      refresh();
      policy = versions.get().get(version);
    }
    return policy == null ? current() : policy;
  }

  /** The version's calendar, parsed once: it is read on every ticket view and change. */
  public BusinessCalendar calendar(int version) {
    return calendars.computeIfAbsent(version, v -> version(v).businessCalendar());
  }

  public Map<Integer, SlaPolicy> all() {
    return Map.copyOf(versions.get());
  }

  /**
   * Stores the edited policy as the next version.
   *
   * @throws DuplicateKeyException when another edit took that version number first
   */
  public SlaPolicy publish(SlaPolicy edited, String by) {
    SlaPolicy next = edited.asVersion(current().version() + 1, by, clock.instant());
    mongo.insert(next, COLLECTION);
    refresh();
    return next;
  }
}
