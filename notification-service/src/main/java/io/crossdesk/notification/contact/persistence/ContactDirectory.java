package io.crossdesk.notification.contact.persistence;

import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.contact.domain.ContactRegistered;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The contact projection: who can be reached how, built from the customer events. */
@Component
public class ContactDirectory {

  private final MongoTemplate mongo;
  private final ApplicationEventPublisher publisher;

  ContactDirectory(MongoTemplate mongo, ApplicationEventPublisher publisher) {
    this.mongo = mongo;
    this.publisher = publisher;
  }

  /**
   * Stores the contact, then tells the rest of the service in the same thread, so that a failure
   * there fails the Kafka record and it is retried. Registering the same contact again changes
   * nothing.
   */
  public void register(Contact contact, Instant registeredAt) {
    // An upsert of the registered fields only: a replayed registration keeps the locale a later
    // profile change set, and only sets the one it registered with where there is none yet.
    Update update =
        new Update()
            .set("name", contact.name())
            .set("email", contact.email())
            .set("phone", contact.phone())
            .set("registeredAt", registeredAt);
    if (contact.locale() != null) {
      update.setOnInsert("locale", contact.locale());
    }
    // The preferences registered with, likewise: a later profile change keeps its own.
    update.setOnInsert("preferredChannel", contact.preferredChannel());
    update.setOnInsert("consent", contact.consent());
    update.setOnInsert("accountManager", contact.accountManager());
    contact
        .quiet()
        .ifPresent(
            quiet ->
                update
                    .setOnInsert("quietFrom", quiet.from().toString())
                    .setOnInsert("quietTo", quiet.to().toString())
                    .setOnInsert("quietZone", quiet.zone().getId()));
    mongo.upsert(
        Query.query(Criteria.where("_id").is(contact.customerId())), update, ContactDocument.class);
    publisher.publishEvent(new ContactRegistered(contact));
  }

  /**
   * Applies a profile change to the name, locale and notification preferences, unless a newer
   * revision was applied already: a redelivered or overtaken change does nothing.
   */
  public void changeProfile(ProfileChange change) {
    try {
      mongo.upsert(
          Query.query(
              Criteria.where("_id")
                  .is(change.customerId())
                  .orOperator(
                      Criteria.where("revision").lt(change.revision()),
                      Criteria.where("revision").is(null))),
          new Update()
              .set("name", change.name())
              .set("locale", change.locale())
              .set("revision", change.revision())
              .set("preferredChannel", change.preferredChannel())
              .set("consent", change.consent())
              .set("quietFrom", change.quietFrom())
              .set("quietTo", change.quietTo())
              .set("quietZone", change.quietZone())
              .set("accountManager", change.accountManager()),
          ContactDocument.class);
    } catch (DuplicateKeyException newerRevisionApplied) {
      // The contact holds this revision or a newer one: nothing to change.
    }
  }

  /** A customer's profile as one change states it. */
  public record ProfileChange(
      String customerId,
      long revision,
      String name,
      String locale,
      String preferredChannel,
      boolean consent,
      String quietFrom,
      String quietTo,
      String quietZone,
      String accountManager) {}

  /** The known contacts among {@code customerIds}, by customer id, in one look-up. */
  public Map<String, Contact> findAll(Collection<String> customerIds) {
    Map<String, Contact> found = new HashMap<>();
    mongo
        .find(
            Query.query(Criteria.where("_id").in(new HashSet<>(customerIds))),
            ContactDocument.class)
        .forEach(document -> found.put(document.customerId(), document.toContact()));
    return found;
  }

  public Optional<Contact> find(String customerId) {
    return Optional.ofNullable(mongo.findById(customerId, ContactDocument.class))
        .map(ContactDocument::toContact);
  }
}
