package io.crossdesk.notification.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Another system's subscription to Crossdesk's events: which event types, optionally only those of
 * some departments, delivered to which URL in which format, signed with which secrets. A
 * subscription whose deliveries keep being given up is disabled until someone enables it again.
 *
 * @param eventTypes the Crossdesk event types it takes; for a TMF621 listener, those its query's
 *     TMF event types are made from
 * @param departments empty for every department; otherwise events that carry a {@code department}
 *     must carry one of these (events without one are not department-scoped and pass)
 * @param format what its deliveries carry; subscriptions stored before there was a choice are
 *     CloudEvents subscriptions
 * @param query a TMF621 listener's query as it was registered, which its format reads to choose
 *     among the notifications an event becomes; null for all of them, and for CloudEvents
 * @param allTickets whether it takes events of every ticket, or only of those its own system opened
 *     (the event's {@code sourceSystem} is {@code createdBy}): a system that may not see every
 *     ticket must not hear about every ticket either
 * @param consecutiveGiveUps deliveries given up since the last one that succeeded
 */
public record Subscription(
    String id,
    String url,
    Set<String> eventTypes,
    Set<String> departments,
    PayloadFormat format,
    String query,
    boolean allTickets,
    String description,
    boolean enabled,
    String disabledReason,
    Instant disabledAt,
    List<SigningSecret> secrets,
    int consecutiveGiveUps,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    long version) {

  public static final int MAX_ACTIVE_SECRETS = 2;

  public Subscription {
    eventTypes = Set.copyOf(eventTypes);
    departments = Set.copyOf(departments);
    format = Objects.requireNonNull(format, "format");
    secrets = List.copyOf(secrets);
  }

  public static Subscription create(
      String id,
      String url,
      Set<String> eventTypes,
      Set<String> departments,
      String description,
      boolean enabled,
      WebhookSecret secret,
      Instant now,
      String createdBy) {
    return new Subscription(
        id,
        url,
        eventTypes,
        departments,
        PayloadFormat.CLOUDEVENTS,
        null,
        true,
        description,
        enabled,
        null,
        null,
        List.of(new SigningSecret(1, secret, now, null)),
        0,
        now,
        createdBy,
        now,
        0);
  }

  /**
   * A listener registered at the TMF621 hub by system {@code createdBy}: enabled, for every
   * department, TMF621 envelopes.
   */
  public static Subscription tmf621Listener(
      String id,
      String url,
      Set<String> eventTypes,
      String query,
      boolean allTickets,
      WebhookSecret secret,
      Instant now,
      String createdBy) {
    return new Subscription(
        id,
        url,
        eventTypes,
        Set.of(),
        PayloadFormat.TMF621,
        query,
        allTickets,
        "TMF621 listener of " + createdBy,
        true,
        null,
        null,
        List.of(new SigningSecret(1, secret, now, null)),
        0,
        now,
        createdBy,
        now,
        0);
  }

  /** Whether it is enabled and takes events of {@code type}, whatever they are about. */
  public boolean takes(String type) {
    return enabled && eventTypes.contains(type);
  }

  /**
   * Whether an event of {@code type} is wanted, of {@code department} and opened by {@code
   * sourceSystem} (each null when the event has none).
   */
  public boolean wants(String type, String department, String sourceSystem) {
    return takes(type)
        && (departments.isEmpty() || department == null || departments.contains(department))
        && (allTickets || (sourceSystem != null && sourceSystem.equals(createdBy)));
  }

  /** The secrets that sign a message sent {@code now}, oldest first. */
  public List<WebhookSecret> activeSecrets(Instant now) {
    return secrets.stream()
        .filter(secret -> secret.activeAt(now))
        .map(SigningSecret::secret)
        .toList();
  }

  /** The subscription with the changes given (null leaves a field as it is). */
  public Subscription edit(
      String newUrl,
      Set<String> newTypes,
      Set<String> newDepartments,
      String newDescription,
      Boolean enable,
      Instant now) {
    boolean nowEnabled = enable == null ? enabled : enable;
    boolean reEnabled = nowEnabled && !enabled;
    return new Subscription(
        id,
        newUrl == null ? url : newUrl,
        newTypes == null ? eventTypes : newTypes,
        newDepartments == null ? departments : newDepartments,
        format,
        query,
        allTickets,
        newDescription == null ? description : newDescription,
        nowEnabled,
        nowEnabled ? null : enabled ? "disabled on request" : disabledReason,
        nowEnabled ? null : enabled ? now : disabledAt,
        secrets,
        reEnabled ? 0 : consecutiveGiveUps,
        createdAt,
        createdBy,
        now,
        version);
  }

  /**
   * Adds {@code secret}; the ones active so far keep signing for {@code overlap}, so receivers can
   * switch at their pace. Expired secrets are dropped.
   *
   * @throws SecretRotationException when two secrets are active already
   */
  public Subscription rotate(WebhookSecret secret, Instant now, Duration overlap) {
    List<SigningSecret> active = secrets.stream().filter(s -> s.activeAt(now)).toList();
    if (active.size() >= MAX_ACTIVE_SECRETS) {
      throw new SecretRotationException(
          "two secrets are active already: remove one before adding another");
    }
    int next = secrets.stream().mapToInt(SigningSecret::number).max().orElse(0) + 1;
    List<SigningSecret> kept = new ArrayList<>();
    active.forEach(old -> kept.add(old.expiringAt(now.plus(overlap))));
    kept.add(new SigningSecret(next, secret, now, null));
    return withSecrets(kept, now);
  }

  /**
   * The subscription without secret {@code number}.
   *
   * @throws SecretRotationException when it is the last active one
   * @throws IllegalArgumentException when there is no such secret
   */
  public Subscription withoutSecret(int number, Instant now) {
    if (secrets.stream().noneMatch(secret -> secret.number() == number)) {
      throw new IllegalArgumentException("no secret " + number);
    }
    List<SigningSecret> kept = secrets.stream().filter(s -> s.number() != number).toList();
    if (kept.stream().noneMatch(secret -> secret.activeAt(now))) {
      throw new SecretRotationException("the last active secret cannot be removed: add one first");
    }
    return withSecrets(kept, now);
  }

  public SigningSecret newestSecret() {
    return secrets.get(secrets.size() - 1);
  }

  /**
   * The subscription after one of its deliveries was given up: disabled once {@code disableAfter}
   * deliveries in a row have been.
   */
  public Subscription deliveryGivenUp(int disableAfter, Instant now) {
    int giveUps = consecutiveGiveUps + 1;
    boolean disable = enabled && giveUps >= disableAfter;
    return new Subscription(
        id,
        url,
        eventTypes,
        departments,
        format,
        query,
        allTickets,
        description,
        enabled && !disable,
        disable ? giveUps + " deliveries in a row were given up" : disabledReason,
        disable ? now : disabledAt,
        secrets,
        giveUps,
        createdAt,
        createdBy,
        disable ? now : updatedAt,
        version);
  }

  /** The subscription after one of its deliveries succeeded: the run of failures is over. */
  public Subscription deliverySucceeded() {
    return consecutiveGiveUps == 0
        ? this
        : new Subscription(
            id,
            url,
            eventTypes,
            departments,
            format,
            query,
            allTickets,
            description,
            enabled,
            disabledReason,
            disabledAt,
            secrets,
            0,
            createdAt,
            createdBy,
            updatedAt,
            version);
  }

  public Subscription atVersion(long newVersion) {
    return new Subscription(
        id,
        url,
        eventTypes,
        departments,
        format,
        query,
        allTickets,
        description,
        enabled,
        disabledReason,
        disabledAt,
        secrets,
        consecutiveGiveUps,
        createdAt,
        createdBy,
        updatedAt,
        newVersion);
  }

  private Subscription withSecrets(List<SigningSecret> kept, Instant now) {
    List<SigningSecret> live = kept.stream().filter(s -> s.activeAt(now)).toList();
    return new Subscription(
        id,
        url,
        eventTypes,
        departments,
        format,
        query,
        allTickets,
        description,
        enabled,
        disabledReason,
        disabledAt,
        live,
        consecutiveGiveUps,
        createdAt,
        createdBy,
        now,
        version);
  }
}
