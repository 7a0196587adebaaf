package io.crossdesk.notification.log.application;

import io.crossdesk.contracts.notification.NotificationFailed;
import io.crossdesk.contracts.notification.NotificationSent;
import io.crossdesk.notification.delivery.domain.RetryPolicy;
import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.FeedWriter;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.NotificationStatus;
import io.crossdesk.notification.log.domain.RecipientType;
import io.crossdesk.notification.log.persistence.NotificationLog;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.deadline.DeadlineHandler;
import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.FiredDeadline;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores messages, sends them and records how each went, exactly once across redeliveries and
 * instances.
 *
 * <ul>
 *   <li>A message's id derives from its cause, recipient and channel, so a bulk insert stores each
 *       once; the call that stored it is the one that sends it.
 *   <li>In-app messages go to their recipients' feeds at once. E-mail and SMS go through their
 *       channel's bulkhead, circuit breaker and quick retry on the sending threads; the outcome is
 *       written with {@code NotificationSent} or, after the last try, {@code NotificationFailed}.
 *   <li>A failed try schedules the next on the platform's deadline timers ({@value #KIND}, {@code
 *       <id>/try-<n>}) with exponential back-off and jitter; quiet hours schedule the deferred
 *       message for their end ({@code <id>/deferred}).
 *   <li>The consumer commits a run's offsets only once its tries are recorded. When an instance
 *       stops before, the run is delivered again and its messages never tried are tried then.
 * </ul>
 */
@Component
public class Deliveries implements DeadlineHandler {

  static final String KIND = "notification.delivery";
  private static final String DEFERRED = "deferred";
  private static final String TRY = "try-";
  private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

  private final NotificationLog log;
  private final Deadlines deadlines;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final FeedWriter feeds;
  private final ChannelIsolation isolation;
  private final ExecutorService sending;
  private final Events events;
  private final NotificationProperties properties;
  private final RetryPolicy policy;
  private final MeterRegistry meters;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;

  Deliveries(
      NotificationLog log,
      Deadlines deadlines,
      List<ChannelSender> senders,
      FeedWriter feeds,
      ChannelIsolation isolation,
      @Qualifier("notificationSending") ExecutorService sending,
      Events events,
      NotificationProperties properties,
      MeterRegistry meters,
      ApplicationEventPublisher publisher,
      Clock clock) {
    this.log = log;
    this.deadlines = deadlines;
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    this.feeds = feeds;
    this.isolation = isolation;
    this.sending = sending;
    this.events = events;
    this.properties = properties;
    this.policy =
        new RetryPolicy(
            properties.maxTries(),
            properties.firstRetryDelay(),
            properties.retryMultiplier(),
            properties.maxRetryDelay(),
            0.2,
            1);
    this.meters = meters;
    this.publisher = publisher;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * Stores the messages, except those stored before, and sends the ones this call stored.
   *
   * <p>When some were stored before, the event is being delivered again: the instance that stored
   * them stopped before its consumer committed, possibly before it tried them. Those never tried
   * are tried now, and the feed copies written again (a feed holds each message once). An instance
   * cannot be handed a partition while another still works on its records (the partition is revoked
   * only between two polls), so nothing is tried twice at once.
   */
  public void deliver(List<Notification> written) {
    if (written.isEmpty()) {
      return;
    }
    List<Notification> stored = log.storeNew(written);
    Set<String> fresh = new HashSet<>();
    Set<String> unaddressed = new HashSet<>();
    for (Notification notification : stored) {
      fresh.add(notification.id());
      if (!notification.isAddressed() && notification.customerId() != null) {
        unaddressed.add(notification.customerId());
      }
    }
    List<Notification> toSend = new ArrayList<>(stored);
    if (stored.size() < written.size()) {
      List<String> seenBefore =
          written.stream().map(Notification::id).filter(id -> !fresh.contains(id)).toList();
      log.findAll(seenBefore).stream()
          .filter(n -> n.channel() == Channel.IN_APP || n.tries() == 0)
          .forEach(toSend::add);
    }
    send(toSend, fresh);
    if (!unaddressed.isEmpty()) {
      publisher.publishEvent(new AddressesMissing(unaddressed));
    }
  }

  /** Sends the customer's messages that waited for an address, now that it is known. */
  public void sendAddressed(List<Notification> addressed) {
    send(addressed, Set.of());
  }

  @Override
  public void fire(FiredDeadline deadline) {
    String name = deadline.key().name();
    int triesBefore = name.startsWith(TRY) ? Integer.parseInt(name.substring(TRY.length())) - 1 : 0;
    log.find(deadline.key().aggregateId())
        .filter(n -> n.status() == NotificationStatus.QUEUED && n.tries() == triesBefore)
        .ifPresent(n -> send(List.of(n), Set.of()));
  }

  /**
   * Writes the feed copies, tries the direct messages that are due, defers the others, and writes
   * the outcomes of the tries together.
   *
   * @param fresh the ids of those this call stored: their outcome is written without a read
   */
  private void send(List<Notification> notifications, Set<String> fresh) {
    Instant now = clock.instant();
    List<Notification> feed = new ArrayList<>();
    List<CompletableFuture<Tried>> tries = new ArrayList<>();
    for (Notification notification : notifications) {
      if (notification.channel() == Channel.IN_APP) {
        feed.add(notification);
      } else if (notification.status().isFinal() || !notification.isAddressed()) {
        continue;
      } else if (!notification.isDue(now)) {
        deadlines.schedule(key(notification.id(), DEFERRED), notification.notBefore());
      } else {
        boolean known = fresh.contains(notification.id());
        tries.add(CompletableFuture.supplyAsync(() -> tryToSend(notification, known), sending));
      }
    }
    if (!feed.isEmpty()) {
      feeds.append(feed);
      meters
          .counter("crossdesk.notifications", "channel", "IN_APP", "outcome", "sent")
          .increment(feed.size());
    }
    awaitAll(tries);
  }

  /**
   * Waits for the tries and records their outcomes, so that the consumer commits only once they are
   * recorded. When some tries outlast the wait, the outcomes of those done are recorded before the
   * run fails, so that its redelivery does not send them again.
   */
  private void awaitAll(List<CompletableFuture<Tried>> tries) {
    if (tries.isEmpty()) {
      return;
    }
    // A try takes at most the timeout twice (the quick retry) plus the bulkhead's wait.
    Duration longest = properties.sendTimeout().multipliedBy(2).plusSeconds(1);
    try {
      CompletableFuture.allOf(tries.toArray(CompletableFuture[]::new))
          .get(longest.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      // The instance is stopping: fail the run, so that the event is delivered again (to whichever
      // instance takes the partition) and what was not tried here is tried there.
      Thread.currentThread().interrupt();
      record(done(tries));
      throw new IllegalStateException("stopped while the run's messages were tried", interrupted);
    } catch (ExecutionException unexpected) {
      record(done(tries));
      throw new IllegalStateException("a try failed unexpectedly", unexpected.getCause());
    } catch (TimeoutException stillTrying) {
      // Longer than any try may take: fail the run rather than commit messages whose outcome may
      // never be written; the redelivery tries those still untried.
      record(done(tries));
      throw new IllegalStateException("the run's tries outlasted " + longest, stillTrying);
    }
    record(done(tries));
  }

  private static List<Tried> done(List<CompletableFuture<Tried>> tries) {
    return tries.stream()
        .filter(tried -> tried.isDone() && !tried.isCompletedExceptionally())
        .map(CompletableFuture::join)
        .toList();
  }

  /** One try of one message: how it went. */
  private record Tried(Notification notification, boolean known, String error) {}

  private Tried tryToSend(Notification notification, boolean known) {
    Channel channel = notification.channel();
    ChannelSender sender = senders.get(channel);
    Callable<Void> send =
        () -> {
          sender.send(notification);
          return null;
        };
    Callable<Void> isolated =
        Bulkhead.decorateCallable(
            isolation.bulkhead(channel),
            CircuitBreaker.decorateCallable(
                isolation.circuit(channel),
                Retry.decorateCallable(isolation.retry(channel), send)));
    String error = null;
    try {
      isolated.call();
    } catch (Exception failed) {
      error = describe(failed);
    }
    return new Tried(notification, known, error);
  }

  /**
   * Writes the tries' outcomes with their events: those this call stored in one bulk write without
   * a read (their stored documents are known), the others one by one. A failed try schedules the
   * next one first.
   */
  private void record(List<Tried> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Function<Notification, Change<Notification>>> decisions = new HashMap<>();
    List<Notification> known = new ArrayList<>();
    List<Tried> unknown = new ArrayList<>();
    for (Tried tried : outcomes) {
      Notification notification = tried.notification();
      String outcome = tried.error() == null ? "sent" : "failed";
      meters
          .counter(
              "crossdesk.notifications",
              "channel",
              notification.channel().name(),
              "outcome",
              outcome)
          .increment();
      decisions.put(notification.id(), decision(tried, now));
      if (tried.known()) {
        known.add(notification);
      } else {
        unknown.add(tried);
      }
    }
    try {
      log.changeStoredAll(known, stored -> decisions.get(stored.id()).apply(stored));
      unknown.forEach(
          tried -> log.change(tried.notification().id(), decisions.get(tried.notification().id())));
    } catch (RuntimeException unrecorded) {
      LOG.warn("outcomes of {} notifications not recorded", outcomes.size(), unrecorded);
      throw unrecorded;
    }
  }

  /** What a try's outcome changes; a failed try that is not the last schedules the next one. */
  private Function<Notification, Change<Notification>> decision(Tried tried, Instant now) {
    if (tried.error() == null) {
      return stored -> {
        if (stored.status().isFinal()) {
          return Change.none(stored);
        }
        Notification sent = stored.sent(now);
        return Change.of(sent, sentEvent(sent));
      };
    }
    int tries = tried.notification().tries() + 1;
    boolean last = tries >= policy.maxTries();
    if (!last) {
      Duration wait = policy.delayAfter(tries, ThreadLocalRandom.current().nextDouble());
      deadlines.schedule(key(tried.notification().id(), TRY + (tries + 1)), now.plus(wait));
    }
    String error = tried.error();
    return stored -> {
      if (stored.status().isFinal() || stored.tries() >= tries) {
        return Change.none(stored);
      }
      Notification failed = stored.failed(error, last);
      return last ? Change.of(failed, failedEvent(failed, now)) : Change.of(failed);
    };
  }

  private EventMessage sentEvent(Notification sent) {
    return events.create(
        sent.id(),
        new NotificationSent(
            sent.id(),
            sent.eventId(),
            kindName(sent),
            sent.channel().name(),
            recipientType(sent),
            recipient(sent),
            sent.customerId(),
            sent.ticketId(),
            sent.locale(),
            summary(sent),
            sent.tries(),
            sent.sentAt()));
  }

  private EventMessage failedEvent(Notification failed, Instant at) {
    return events.create(
        failed.id(),
        new NotificationFailed(
            failed.id(),
            failed.eventId(),
            kindName(failed),
            failed.channel().name(),
            recipientType(failed),
            recipient(failed),
            failed.customerId(),
            failed.ticketId(),
            failed.lastError(),
            failed.tries(),
            at));
  }

  private static String kindName(Notification notification) {
    return MessageKind.byId(notification.kind()).map(Enum::name).orElse("UNKNOWN");
  }

  private static String recipientType(Notification notification) {
    return notification.recipientType() == RecipientType.CUSTOMER ? "CUSTOMER" : "STAFF";
  }

  /** Who, never an address: the customer id, the department, the user, or the escalation role. */
  private static String recipient(Notification notification) {
    return switch (notification.recipientType()) {
      case CUSTOMER, DEPARTMENT, STAFF, SUPERVISORS -> notification.recipientKey();
      case CONTACT -> "escalation-contact";
    };
  }

  private static String summary(Notification notification) {
    String text = notification.subject() != null ? notification.subject() : notification.body();
    return text == null || text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }

  private static String describe(Exception failed) {
    String message = failed.getMessage();
    String described = failed.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return described.length() <= 500 ? described : described.substring(0, 500);
  }

  private static DeadlineKey key(String notificationId, String name) {
    return new DeadlineKey(KIND, notificationId, name);
  }
}
