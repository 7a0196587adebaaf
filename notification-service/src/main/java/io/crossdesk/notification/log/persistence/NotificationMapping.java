package io.crossdesk.notification.log.persistence;

import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.NotificationStatus;
import io.crossdesk.notification.log.domain.RecipientType;
import io.crossdesk.platform.aggregate.AggregateMapping;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A notification as stored in {@value #COLLECTION}, field by field. The kind is stored as {@code
 * template}, the name notifications stored before there were several kinds have; those lack the
 * recipient's type and key, the flags and the tries, and read as a customer's untried message.
 */
final class NotificationMapping implements AggregateMapping<Notification> {

  static final String COLLECTION = "notifications";

  @Override
  public String collection() {
    return COLLECTION;
  }

  @Override
  public String idOf(Notification notification) {
    return notification.id();
  }

  @Override
  public Document write(Notification n) {
    Document document = new Document();
    put(document, "eventId", n.eventId());
    put(document, "template", n.kind());
    put(document, "recipientType", n.recipientType().name());
    put(document, "recipientKey", n.recipientKey());
    put(document, "customerId", n.customerId());
    put(document, "ticketId", n.ticketId());
    put(document, "channel", n.channel().name());
    put(document, "recipient", n.recipient());
    put(document, "locale", n.locale());
    put(document, "subject", n.subject());
    put(document, "body", n.body());
    document.put("urgent", n.urgent());
    document.put("status", n.status().name());
    document.put("tries", n.tries());
    put(document, "lastError", n.lastError());
    put(document, "createdAt", date(n.createdAt()));
    put(document, "notBefore", date(n.notBefore()));
    put(document, "sentAt", date(n.sentAt()));
    return document;
  }

  @Override
  public Notification read(Document stored) {
    String customerId = stored.getString("customerId");
    String recipientType = stored.getString("recipientType");
    String recipientKey = stored.getString("recipientKey");
    Number tries = stored.get("tries", Number.class);
    return new Notification(
        stored.getString("_id"),
        stored.getString("eventId"),
        stored.getString("template"),
        recipientType == null ? RecipientType.CUSTOMER : RecipientType.valueOf(recipientType),
        recipientKey == null ? customerId : recipientKey,
        customerId,
        stored.getString("ticketId"),
        Channel.valueOf(stored.getString("channel")),
        stored.getString("recipient"),
        stored.getString("locale"),
        stored.getString("subject"),
        stored.getString("body"),
        Boolean.TRUE.equals(stored.getBoolean("urgent")),
        NotificationStatus.valueOf(stored.getString("status")),
        tries == null ? 0 : tries.intValue(),
        stored.getString("lastError"),
        instant(stored.getDate("createdAt")),
        instant(stored.getDate("notBefore")),
        instant(stored.getDate("sentAt")));
  }

  private static void put(Document document, String field, Object value) {
    if (value != null) {
      document.put(field, value);
    }
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
