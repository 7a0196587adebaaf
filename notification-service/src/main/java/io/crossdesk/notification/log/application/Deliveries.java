package io.crossdesk.notification.log.application;

import io.crossdesk.contracts.notification.NotificationFailed;
import io.crossdesk.contracts.notification.NotificationSent;
import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.FeedWriter;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.NotificationStatus;
import io.crossdesk.notification.log.domain.RecipientType;
import io.crossdesk.notification.log.persistence.NotificationLog;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.webhook.domain.RetryPolicy;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
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
 *   <li>Before a run of messages is stored, a check is scheduled for it ({@code <first id>/unsent})
 *       and cancelled once every message had its try: when the instance stops in between, the check
 *       fires on whichever instance runs and tries what was stored and never tried.
 * </ul>
 */
@Component
public class Deliveries implements DeadlineHandler {

  static final String KIND = "notification.delivery";
  private static final String UNSENT = "unsent";
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
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Stores the messages, except those stored before, and sends the ones this call stored. */
  public void deliver(List<Notification> written) {
    if (written.isEmpty()) {
      return;
    }
    DeadlineKey check = new DeadlineKey(KIND, written.get(0).id(), UNSENT);
    deadlines.schedule(
        check,
        clock.instant().plus(properties.unsentCheckAfter()),
        Map.of("ids", String.join(",", written.stream().map(Notification::id).toList())));
    List<Notification> stored = log.storeNew(written);
    if (send(stored)) {
      deadlines.cancel(check);
    }
  }

  /** Sends the customer's messages that waited for an address, now that it is known. */
  public void sendAddressed(List<Notification> addressed) {
    send(addressed);
  }

  @Override
  public void fire(FiredDeadline deadline) {
    String name = deadline.key().name();
    if (UNSENT.equals(name)) {
      List<String> ids = Arrays.asList(deadline.data("ids").split(","));
      send(log.findAll(ids).stream().filter(n -> n.tries() == 0).toList());
      return;
    }
    int triesBefore = name.startsWith(TRY) ? Integer.parseInt(name.substring(TRY.length())) - 1 : 0;
    log.find(deadline.key().aggregateId())
        .filter(n -> n.status() == NotificationStatus.QUEUED && n.tries() == triesBefore)
        .ifPresent(n -> send(List.of(n)));
  }

  /**
   * Tries the messages that are due, defers the others, and waits for the outcomes.
   *
   * @return whether every due message had its try recorded in time
   */
  private boolean send(List<Notification> notifications) {
    Instant now = clock.instant();
    List<Notification> feed = new ArrayList<>();
    List<CompletableFuture<Void>> tries = new ArrayList<>();
    for (Notification notification : notifications) {
      if (notification.status().isFinal() || !notification.isAddressed()) {
        continue;
      }
      if (!notification.isDue(now)) {
        deadlines.schedule(key(notification.id(), DEFERRED), notification.notBefore());
      } else if (notification.channel() == Channel.IN_APP) {
        feed.add(notification);
      } else {
        tries.add(CompletableFuture.runAsync(() -> tryToSend(notification), sending));
      }
    }
    if (!feed.isEmpty()) {
      feeds.append(feed);
      log.markDelivered(feed.stream().map(Notification::id).toList(), now);
      meters
          .counter("crossdesk.notifications", "channel", "IN_APP", "outcome", "sent")
          .increment(feed.size());
    }
    return awaitAll(tries);
  }

  private boolean awaitAll(List<CompletableFuture<Void>> tries) {
    if (tries.isEmpty()) {
      return true;
    }
    // A try takes at most the timeout twice (the quick retry) plus the bulkhead's wait.
    Duration longest = properties.sendTimeout().multipliedBy(2).plusSeconds(1);
    try {
      CompletableFuture.allOf(tries.toArray(CompletableFuture[]::new))
          .get(longest.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException notAllRecorded) {
      return false;
    }
  }

  private void tryToSend(Notification notification) {
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
    try {
      record(notification, error);
    } catch (RuntimeException unrecorded) {
      // The unsent check or the scheduled try finds it again.
      LOG.warn("outcome of notification {} not recorded", notification.id(), unrecorded);
    }
  }

  private void record(Notification tried, String error) {
    Instant now = clock.instant();
    String outcome = error == null ? "sent" : "failed";
    meters
        .counter("crossdesk.notifications", "channel", tried.channel().name(), "outcome", outcome)
        .increment();
    if (error == null) {
      log.change(
          tried.id(),
          stored -> {
            if (stored.status().isFinal()) {
              return Change.none(stored);
            }
            Notification sent = stored.sent(now);
            return Change.of(sent, sentEvent(sent));
          });
      return;
    }
    int tries = tried.tries() + 1;
    boolean last = tries >= policy.maxTries();
    if (!last) {
      Duration wait = policy.delayAfter(tries, ThreadLocalRandom.current().nextDouble());
      deadlines.schedule(key(tried.id(), TRY + (tries + 1)), now.plus(wait));
    }
    log.change(
        tried.id(),
        stored -> {
          if (stored.status().isFinal() || stored.tries() >= tries) {
            return Change.none(stored);
          }
          Notification failed = stored.failed(error, last);
          return last ? Change.of(failed, failedEvent(failed, now)) : Change.of(failed);
        });
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
      case CUSTOMER, DEPARTMENT, STAFF -> notification.recipientKey();
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
