package io.crossdesk.customer.history.persistence;

import io.crossdesk.customer.history.domain.Contact;
import io.crossdesk.customer.history.domain.ContactKind;
import io.crossdesk.customer.profile.domain.Channel;
import io.crossdesk.platform.store.KeyedInserts;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every contact with a customer, one document each, {@code _id} ordering a customer's contacts
 * newest first (see {@link Contact}). A page is a range of one customer's ids in {@code _id} order,
 * which real MongoDB reads from the {@code _id} index (with the compound indexes for the channel
 * and kind filters); the embedded server scans the collection for it. The overview shows the first
 * page, so recording a contact is one insert, whatever the customer's history.
 */
@Component
public class ContactHistory {

  public static final int MAX_PAGE = 100;
  private final MongoTemplate mongo;

  ContactHistory(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Records contacts in one bulk write; a contact recorded before (same id) is left as it is, the
   * others are recorded all the same.
   */
  public void recordAll(List<Contact> contacts) {
    KeyedInserts.insertNew(
        mongo, ContactDocument.class, contacts.stream().map(ContactDocument::of).toList());
  }

  /** Records a contact; the same contact (same id) recorded again changes nothing. */
  public void record(Contact contact) {
    try {
      mongo.insert(ContactDocument.of(contact));
    } catch (DuplicateKeyException recordedBefore) {
      // the effect is keyed by the contact id: recorded already
    }
  }

  /**
   * One page, newest first, of the customer's contacts older than the contact {@code before} (a
   * contact id; null for the newest).
   */
  public List<Contact> page(
      String customerId, Channel channel, ContactKind kind, String before, int limit) {
    String prefix = Contact.prefixOf(customerId);
    Criteria id = Criteria.where("_id").lt(prefix + "~");
    id = before != null && before.startsWith(prefix) ? id.gt(before) : id.gte(prefix);
    Criteria criteria = id;
    if (channel != null) {
      criteria = criteria.and("channel").is(channel);
    }
    if (kind != null) {
      criteria = criteria.and("kind").is(kind);
    }
    return mongo
        .find(Query.query(criteria).with(Sort.by("_id")).limit(limit), ContactDocument.class)
        .stream()
        .map(ContactDocument::toContact)
        .toList();
  }

  @Document("contacts")
  @CompoundIndex(name = "by_channel", def = "{'customerId': 1, 'channel': 1, '_id': 1}")
  @CompoundIndex(name = "by_kind", def = "{'customerId': 1, 'kind': 1, '_id': 1}")
  record ContactDocument(
      @org.springframework.data.annotation.Id String id,
      String customerId,
      Channel channel,
      ContactKind kind,
      java.time.Instant at,
      String summary,
      String ticketId,
      String recordedBy) {

    static ContactDocument of(Contact contact) {
      return new ContactDocument(
          contact.id(),
          contact.customerId(),
          contact.channel(),
          contact.kind(),
          contact.at(),
          contact.summary(),
          contact.ticketId(),
          contact.recordedBy());
    }

    Contact toContact() {
      return new Contact(id, customerId, channel, kind, at, summary, ticketId, recordedBy);
    }
  }
}
