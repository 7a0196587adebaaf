package io.crossdesk.customer.profile.persistence;

import io.crossdesk.customer.contactpoint.domain.ContactPointTakenException;
import io.crossdesk.customer.contactpoint.persistence.ContactPoints;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.Tier;
import io.crossdesk.platform.aggregate.AggregateNotFoundException;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.aggregate.ConvertedMapping;
import io.crossdesk.platform.aggregate.SideWrites;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.web.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores customers with their events through the platform's aggregate store, keeping each phone
 * number and e-mail address with one customer: new points are claimed before the write, dropped
 * ones released after it, so a failure in between leaves at worst a stale claim that {@link
 * ContactPoints} recognises.
 */
@Component
public class CustomerStore {

  static final String COLLECTION = "customers";

  private final MongoTemplate mongo;
  private final AggregateStore<Customer> customers;
  private final ContactPoints contactPoints;

  CustomerStore(MongoTemplate mongo, AggregateStores stores, ContactPoints contactPoints) {
    this.mongo = mongo;
    this.contactPoints = contactPoints;
    this.customers =
        stores.of(
            new ConvertedMapping<>(
                mongo.getConverter(),
                COLLECTION,
                CustomerDocument.class,
                customer -> customer.id().value(),
                CustomerDocument::of,
                CustomerDocument::toCustomer),
            new ContactClaims());
  }

  public Optional<Customer> find(String id) {
    return customers.find(id);
  }

  /**
   * One page, in name order, of the customers matching every criterion given (null matches any),
   * which real MongoDB serves from the customers' search indexes.
   */
  public List<Customer> matching(String namePrefix, Tier tier, String region, int page, int size) {
    Criteria criteria = new Criteria();
    if (tier != null) {
      criteria = criteria.and("tier").is(tier);
    }
    if (region != null) {
      criteria = criteria.and("region").is(region);
    }
    if (namePrefix != null) {
      criteria =
          criteria
              .and("nameKey")
              .regex("^" + Pattern.quote(CustomerDocument.nameKeyOf(namePrefix)));
    }
    Query query = Query.query(criteria).with(Sort.by("nameKey", "_id"));
    return customers.list(query.getQueryObject(), query.getSortObject(), page * size, size);
  }

  /** The ids of up to {@code limit} customers after {@code after}, in id order. */
  public List<String> idsAfter(String after, int limit) {
    return mongo
        .find(
            Query.query(Criteria.where("_id").gt(after)).with(Sort.by("_id")).limit(limit),
            CustomerDocument.class)
        .stream()
        .map(CustomerDocument::id)
        .toList();
  }

  /**
   * @throws io.crossdesk.customer.contactpoint.domain.ContactPointTakenException when a phone or
   *     e-mail belongs to another customer; nothing is stored then
   */
  public void insert(Customer customer, List<EventMessage> events) {
    customers.insert(Change.of(customer, events));
  }

  /**
   * Reads the customer, lets {@code decide} change it and stores the change; decides again on the
   * fresh customer when another change got there first.
   *
   * @throws NotFoundException when there is no such customer
   * @throws io.crossdesk.customer.contactpoint.domain.ContactPointTakenException when an added
   *     phone or e-mail belongs to another customer
   */
  public Customer change(String id, Function<Customer, Change<Customer>> decide) {
    try {
      return customers.change(id, decide);
    } catch (AggregateNotFoundException unknown) {
      throw new NotFoundException("No customer with id " + id);
    }
  }

  /**
   * Claims the customer's points if nobody has (customers stored before claims existed); a point
   * another customer claimed is reported, not taken.
   *
   * @return the points another customer holds too
   */
  public List<String> ensureClaims(Customer customer) {
    String id = customer.id().value();
    List<String> shared = new ArrayList<>();
    for (String point : customer.profile().contactPoints()) {
      try {
        contactPoints.claim(id, List.of(point), this::holds);
      } catch (ContactPointTakenException taken) {
        shared.add(point);
      }
    }
    return shared;
  }

  /** The customer that holds a contact point now, ignoring stale claims. */
  public Optional<Customer> holderOf(String point) {
    return contactPoints
        .owner(point)
        .flatMap(this::find)
        .filter(customer -> customer.profile().contactPoints().contains(point));
  }

  private boolean holds(String customerId, String point) {
    return find(customerId)
        .map(customer -> customer.profile().contactPoints().contains(point))
        .orElse(false);
  }

  /** A customer's phones and e-mail addresses, claimed in {@code contact_points} around writes. */
  private final class ContactClaims implements SideWrites<Customer> {

    @Override
    public void before(Customer before, Customer after) {
      contactPoints.claim(after.id().value(), added(before, after), CustomerStore.this::holds);
    }

    @Override
    public void failed(Customer before, Customer after) {
      contactPoints.release(after.id().value(), added(before, after));
    }

    @Override
    public void after(Customer before, Customer after) {
      if (before != null) {
        contactPoints.release(after.id().value(), added(after, before));
      }
    }

    private static Set<String> added(Customer before, Customer after) {
      Set<String> added = new HashSet<>(after.profile().contactPoints());
      if (before != null) {
        added.removeAll(before.profile().contactPoints());
      }
      return added;
    }
  }
}
