package io.crossdesk.notification.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Another system's subscription to Crossdesk's events: which event types, optionally only those of
 * some departments, delivered to which URL, signed with which secrets. A subscription whose
 * deliveries keep being given up is disabled until someone enables it again.
 *
 * @param departments empty for every department; otherwise events that carry a {@code department}
 *     must carry one of these (events without one are not department-scoped and pass)
 * @param consecutiveGiveUps deliveries given up since the last one that succeeded
 */
public record Subscription(
    String id,
    String url,
    Set<String> eventTypes,
    Set<String> departments,
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

  /** Whether an event of {@code type}, of {@code department} (null when it has none), is wanted. */
  public boolean wants(String type, String department) {
    return enabled
        && eventTypes.contains(type)
        && (departments.isEmpty() || department == null || departments.contains(department));
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
