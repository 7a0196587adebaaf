package io.crossdesk.customer.profile.persistence;

import io.crossdesk.customer.contactpoint.ContactPoints;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.OutboxStore;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Stores customers with their events, keeping each phone number and e-mail address with one
 * customer: new points are claimed before the write, dropped ones released after it, so a failure
 * in between leaves at worst a stale claim that {@link ContactPoints} recognises.
 */
@Component
public class CustomerStore {

  private final CustomerRepository customers;
  private final OutboxStore outbox;
  private final ContactPoints contactPoints;

  CustomerStore(CustomerRepository customers, OutboxStore outbox, ContactPoints contactPoints) {
    this.customers = customers;
    this.outbox = outbox;
    this.contactPoints = contactPoints;
  }

  public Optional<Customer> find(String id) {
    return customers.findById(id).map(CustomerDocument::toCustomer);
  }

  /**
   * @throws io.crossdesk.customer.contactpoint.ContactPointTakenException when a phone or e-mail
   *     belongs to another customer; nothing is stored then
   */
  public void insert(Customer customer, List<EventMessage> events) {
    String id = customer.id().value();
    List<String> claimed = contactPoints.claim(id, customer.profile().contactPoints(), this::holds);
    try {
      customers.save(CustomerDocument.of(customer, null, events));
    } catch (RuntimeException e) {
      contactPoints.release(id, claimed);
      throw e;
    }
  }

  /**
   * @throws io.crossdesk.customer.contactpoint.ContactPointTakenException when an added phone or
   *     e-mail belongs to another customer
   * @throws org.springframework.dao.OptimisticLockingFailureException when the customer changed
   *     since {@code change.before()} was read
   */
  public void update(Customer.Change change, List<EventMessage> events) {
    String id = change.after().id().value();
    Set<String> before = change.before().profile().contactPoints();
    Set<String> after = change.after().profile().contactPoints();
    Set<String> added = new HashSet<>(after);
    added.removeAll(before);
    Set<String> removed = new HashSet<>(before);
    removed.removeAll(after);
    List<String> claimed = contactPoints.claim(id, added, this::holds);
    try {
      outbox.update(
          id,
          change.before().revision(),
          CustomerDocument.of(change.after(), change.after().revision(), List.of()),
          events);
    } catch (RuntimeException e) {
      contactPoints.release(id, claimed);
      throw e;
    }
    contactPoints.release(id, removed);
  }

  /**
   * Claims the customer's points if nobody has (customers stored before claims existed); a point
   * another customer claimed is reported, not taken.
   *
   * @return the points another customer holds too
   */
  public List<String> ensureClaims(Customer customer) {
    String id = customer.id().value();
    List<String> shared = new java.util.ArrayList<>();
    for (String point : customer.profile().contactPoints()) {
      try {
        contactPoints.claim(id, List.of(point), this::holds);
      } catch (io.crossdesk.customer.contactpoint.ContactPointTakenException taken) {
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
}
