package io.crossdesk.customer.profile;

import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.EmailAddress;
import io.crossdesk.customer.profile.domain.PhoneNumber;
import io.crossdesk.customer.profile.persistence.CustomerDocument;
import io.crossdesk.customer.profile.persistence.CustomerRepository;
import io.crossdesk.platform.security.Caller;
import io.crossdesk.platform.security.Role;
import io.crossdesk.platform.web.NotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

/** Finds customers for the desk, and lets customers see their own record and nobody else's. */
@Service
public class CustomerLookup {

  /** Enough candidates for a person at the desk to choose from; more means a vaguer search. */
  public static final int MAX_MATCHES = 50;

  private static final Set<Role> SEE_EVERY_CUSTOMER =
      EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.SYSTEM, Role.DEPARTMENT);

  private final CustomerRepository customers;

  CustomerLookup(CustomerRepository customers) {
    this.customers = customers;
  }

  /**
   * The customer with {@code id} if the caller may see it. A customer asking for someone else's
   * record is told it does not exist, so ids cannot be probed.
   */
  public Customer find(String id, Caller caller) {
    return customers
        .findById(id)
        .map(CustomerDocument::toCustomer)
        .filter(found -> maySee(caller, found))
        .orElseThrow(() -> new NotFoundException("No customer with id " + id));
  }

  public List<Customer> withPhone(String phone) {
    return customers
        .findByPhoneKeyOrderByRegisteredAtDesc(
            PhoneNumber.lookupKeyOf(phone), Limit.of(MAX_MATCHES))
        .stream()
        .map(CustomerDocument::toCustomer)
        .toList();
  }

  public List<Customer> withEmail(String email) {
    return customers
        .findByEmailKeyOrderByRegisteredAtDesc(
            EmailAddress.lookupKeyOf(email), Limit.of(MAX_MATCHES))
        .stream()
        .map(CustomerDocument::toCustomer)
        .toList();
  }

  static boolean maySee(Caller caller, Customer customer) {
    if (caller.roles().stream().anyMatch(SEE_EVERY_CUSTOMER::contains)) {
      return true;
    }
    return caller.has(Role.CUSTOMER) && customer.belongsTo(caller.customerId());
  }
}
