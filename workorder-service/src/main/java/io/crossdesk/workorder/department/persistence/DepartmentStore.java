package io.crossdesk.workorder.department.persistence;

import io.crossdesk.workorder.department.domain.Department;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The departments in MongoDB, one document each by id; a small collection read whole. */
@Component
public class DepartmentStore {

  static final String COLLECTION = "departments";

  private final MongoTemplate mongo;

  DepartmentStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  public List<Department> all() {
    return mongo.find(new Query().with(Sort.by("_id")), Department.class, COLLECTION);
  }

  public void save(Department department) {
    mongo.save(department, COLLECTION);
  }

  /** Seeds a department unless one with its id exists; another instance seeding it is the same. */
  public void insertIfAbsent(Department department) {
    try {
      mongo.insert(department, COLLECTION);
    } catch (DuplicateKeyException seededAlready) {
      // Present, which is all seeding asks for.
    }
  }
}
