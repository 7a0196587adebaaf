package io.crossdesk.notification.template.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.crossdesk.notification.template.domain.MessageTemplate;
import io.crossdesk.notification.template.domain.StaleTemplateException;
import io.crossdesk.notification.template.domain.TemplateKey;
import io.crossdesk.platform.store.KeyedInserts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code notification_templates} collection. Found by {@code _id} only; the collection holds
 * one document per kind, channel and locale (under a hundred), so reading it whole is cheap.
 */
@Component
public class TemplateStore {

  private static final Logger LOG = LoggerFactory.getLogger(TemplateStore.class);
  private final MongoTemplate mongo;

  TemplateStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Optional<MessageTemplate> find(TemplateKey key) {
    return Optional.ofNullable(mongo.findById(key.id(), TemplateDocument.class))
        .flatMap(TemplateStore::readable);
  }

  /** Every stored template, in key order. */
  public List<MessageTemplate> findAll() {
    List<MessageTemplate> all = new ArrayList<>();
    mongo
        .find(new Query().with(Sort.by("_id")), TemplateDocument.class)
        .forEach(document -> readable(document).ifPresent(all::add));
    return all;
  }

  /**
   * Inserts the templates whose key is not stored yet, in one bulk write; a stored one, edited or
   * not, stays as it is. Several instances starting together insert each key once.
   *
   * @return how many were inserted
   */
  public int insertMissing(List<MessageTemplate> templates) {
    return KeyedInserts.insertNew(
        mongo, TemplateDocument.class, templates.stream().map(TemplateDocument::of).toList());
  }

  /**
   * Stores {@code template} (whose version is the next one) in place of the version {@code
   * expected}, or as a new template when {@code expected} is 0.
   *
   * @throws StaleTemplateException when the stored version is another one, or a template was stored
   *     meanwhile
   */
  public void replace(MessageTemplate template, long expected) {
    String id = template.key().id();
    if (expected == 0) {
      try {
        mongo.insert(TemplateDocument.of(template));
        return;
      } catch (DuplicateKeyException exists) {
        throw new StaleTemplateException(id, expected);
      }
    }
    TemplateDocument previous =
        mongo.findAndReplace(
            Query.query(where("_id").is(id).and("version").is(expected)),
            TemplateDocument.of(template),
            FindAndReplaceOptions.none());
    if (previous == null) {
      throw new StaleTemplateException(id, expected);
    }
  }

  /** Removes a template that has no built-in default to return to. */
  public boolean delete(TemplateKey key) {
    return mongo
            .remove(Query.query(where("_id").is(key.id())), TemplateDocument.class)
            .getDeletedCount()
        > 0;
  }

  private static Optional<MessageTemplate> readable(TemplateDocument document) {
    try {
      return Optional.of(document.toTemplate());
    } catch (RuntimeException unreadable) {
      LOG.warn(
          "Template {} is not readable and is ignored: {}", document.id(), unreadable.getMessage());
      return Optional.empty();
    }
  }
}
