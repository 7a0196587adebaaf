package io.crossdesk.notification.log.application;

import io.crossdesk.notification.log.domain.DeliveryAddress;
import io.crossdesk.notification.log.domain.Message;
import io.crossdesk.notification.log.domain.Moments;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.StaffPreferences;
import io.crossdesk.notification.log.persistence.StaffPreferencesStore;
import io.crossdesk.notification.log.persistence.StaffPreferencesStore.DigestState;
import io.crossdesk.notification.log.persistence.StaffPreferencesStore.PendingItem;
import io.crossdesk.notification.template.application.TemplateCatalogue;
import io.crossdesk.notification.template.domain.Channel;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.platform.deadline.DeadlineHandler;
import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.FiredDeadline;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The daily digest of staff who chose one: each personal message waits in their preferences, and a
 * platform deadline ({@value #KIND}, {@code <user>/next}) sends them all in one e-mail at the time
 * they chose, in their time zone, once across instances.
 */
@Component
class StaffDigests implements DeadlineHandler {

  static final String KIND = "notification.digest";

  private final StaffPreferencesStore preferences;
  private final Deadlines deadlines;
  private final TemplateCatalogue templates;
  private final Deliveries deliveries;
  private final NotificationProperties properties;
  private final Clock clock;

  StaffDigests(
      StaffPreferencesStore preferences,
      Deadlines deadlines,
      TemplateCatalogue templates,
      Deliveries deliveries,
      NotificationProperties properties,
      Clock clock) {
    this.preferences = preferences;
    this.deadlines = deadlines;
    this.templates = templates;
    this.deliveries = deliveries;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Keeps a message for the member of staff's next digest, and schedules that digest. */
  void gather(StaffPreferences staff, Notification message) {
    preferences.addToDigest(staff.user(), message.id(), message.createdAt(), summary(message));
    deadlines.schedule(key(staff.user()), staff.nextDigestAfter(clock.instant()));
  }

  @Override
  public void fire(FiredDeadline deadline) {
    String user = deadline.key().aggregateId();
    DigestState state = preferences.digestState(user).orElse(null);
    if (state == null || state.preferences().digestAddress() == null || state.pending().isEmpty()) {
      return;
    }
    StaffPreferences staff = state.preferences();
    List<PendingItem> pending = state.pending();
    Instant cutoff = pending.get(pending.size() - 1).at();
    String locale = properties.defaultLocale();
    Instant since = state.lastDigestAt().orElse(pending.get(0).at());
    Map<String, String> values = new HashMap<>();
    values.put("staffName", user);
    values.put("messageCount", Integer.toString(pending.size()));
    values.put("since", Moments.at(since, locale));
    values.put(
        "messages",
        pending.stream()
            .map(item -> Moments.at(item.at(), locale) + "  " + item.subject())
            .collect(Collectors.joining("\n")));
    DeliveryAddress to = staff.digestAddress();
    templates
        .current()
        .render(MessageKind.STAFF_DIGEST, Channel.EMAIL, locale, values)
        .ifPresent(
            text ->
                deliveries.deliver(
                    List.of(
                        Notification.queued(
                            // One digest per user and cutoff: a deadline fired again sends it once.
                            "digest:" + user + ":" + cutoff.toEpochMilli(),
                            new Message(MessageKind.STAFF_DIGEST.id(), text.subject(), text.body()),
                            to,
                            null,
                            null,
                            locale,
                            false,
                            clock.instant(),
                            null))));
    preferences.digested(user, cutoff, pending.stream().map(PendingItem::id).toList());
  }

  private static String summary(Notification message) {
    return message.subject() != null ? message.subject() : message.body();
  }

  private static DeadlineKey key(String user) {
    return new DeadlineKey(KIND, user, "next");
  }
}
