package io.crossdesk.platform.stuck;

import io.crossdesk.platform.consumer.DeadLetterAdmin;
import io.crossdesk.platform.consumer.DeadLetterAdmin.DeadLetter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records this service's consumers sent to a dead-letter topic; a retry sends one back to the topic
 * it came from, for the consumer group that failed on it.
 */
public class DeadLetterWork implements StuckWork {

  static final String KIND = "dead-letter";

  private final DeadLetterAdmin admin;

  public DeadLetterWork(DeadLetterAdmin admin) {
    this.admin = admin;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<StuckItem> list(int limit) {
    return admin.list(limit).stream().map(DeadLetterWork::item).toList();
  }

  /** {@code id}: {@code <dead-letter topic>:<partition>:<offset>}. */
  @Override
  public Optional<StuckItem> retry(String id) {
    String[] parts = id.split(":");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return admin
          .replay(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]))
          .map(DeadLetterWork::item);
    } catch (NumberFormatException notAPosition) {
      return Optional.empty();
    }
  }

  static String idOf(DeadLetter letter) {
    return letter.topic() + ":" + letter.partition() + ":" + letter.offset();
  }

  private static StuckItem item(DeadLetter letter) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("topic", letter.topic());
    details.put("partition", letter.partition());
    details.put("offset", letter.offset());
    details.put("originalTopic", letter.originalTopic());
    details.put("consumerGroup", letter.consumerGroup());
    details.put("key", letter.key());
    details.put("eventId", letter.eventId());
    details.put("eventType", letter.eventType());
    details.put("data", letter.data());
    return new StuckItem(
        KIND,
        idOf(letter),
        letter.eventType() + " " + letter.eventId() + " for " + letter.consumerGroup(),
        letter.reason(),
        letter.deadLetteredAt(),
        0,
        details);
  }
}
