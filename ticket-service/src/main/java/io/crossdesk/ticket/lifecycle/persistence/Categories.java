package io.crossdesk.ticket.lifecycle.persistence;

import io.crossdesk.ticket.lifecycle.domain.Category;
import io.crossdesk.ticket.lifecycle.domain.CategoryCatalogue;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The category catalogue, held as data and kept in memory: seeded on first start, edited by ADMINs,
 * re-read after each local edit and every {@code crossdesk.categories.refresh} (30 s).
 */
@Component
public class Categories implements InitializingBean {

  static final String COLLECTION = "ticket_categories";

  private final MongoTemplate mongo;
  private final AtomicReference<CategoryCatalogue> catalogue =
      new AtomicReference<>(new CategoryCatalogue(CategoryCatalogue.seed()));

  Categories(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void afterPropertiesSet() {
    mongo
        .indexOps(COLLECTION)
        .createIndex(new Index().on("code", Sort.Direction.ASC).unique().named("code"));
    for (Category seed : CategoryCatalogue.seed()) {
      // Only missing codes are added: an ADMIN's edits of a seeded category survive restarts.
      Update insertOnly = new Update();
      org.bson.Document fields = new org.bson.Document();
      mongo.getConverter().write(seed, fields);
      fields.forEach((field, value) -> insertOnly.setOnInsert(field, value));
      mongo.upsert(byCode(seed.code()), insertOnly, COLLECTION);
    }
    refresh();
  }

  @Scheduled(fixedDelayString = "${crossdesk.categories.refresh:30s}")
  public void refresh() {
    catalogue.set(new CategoryCatalogue(mongo.findAll(Category.class, COLLECTION)));
  }

  public CategoryCatalogue catalogue() {
    return catalogue.get();
  }

  /** Adds a category or replaces the one with its code. */
  public Category put(Category category) {
    mongo.findAndReplace(
        byCode(category.code()), category, FindAndReplaceOptions.options().upsert(), COLLECTION);
    refresh();
    return category;
  }

  private static Query byCode(String code) {
    return Query.query(Criteria.where("code").is(code));
  }
}
