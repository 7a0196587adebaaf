package io.crossdesk.workorder.department.persistence;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The round-robin turn of each department: one document per department, counted up atomically by
 * its {@code _id}, so two instances assigning at once never draw the same turn.
 */
@Component
public class AssignmentTurns {

  static final String COLLECTION = "assignment_turns";

  private final MongoTemplate mongo;

  AssignmentTurns(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The department's next turn, 1 for its first. */
  public long next(String department) {
    Document turn =
        mongo.findAndModify(
            Query.query(Criteria.where("_id").is(department)),
            new Update().inc("turn", 1L),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Document.class,
            COLLECTION);
    return ((Number) turn.get("turn")).longValue();
  }
}
