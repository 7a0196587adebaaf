package io.crossdesk.workorder.routing.persistence;

import io.crossdesk.workorder.routing.domain.Department;
import io.crossdesk.workorder.routing.domain.RoutingRule;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A routing rule as stored; the department by its id. */
@Document(RoutingRuleDocument.COLLECTION)
record RoutingRuleDocument(
    @Id String id, List<String> categories, String department, int order, String description) {

  static final String COLLECTION = "routing_rules";

  RoutingRule toRule() {
    return new RoutingRule(
        id,
        Set.copyOf(categories),
        Department.byId(department)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "routing rule " + id + " names an unknown department " + department)),
        order,
        description);
  }
}
