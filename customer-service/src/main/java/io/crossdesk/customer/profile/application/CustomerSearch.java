package io.crossdesk.customer.profile.application;

import io.crossdesk.customer.CustomerProperties;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.EmailAddress;
import io.crossdesk.customer.profile.domain.InvalidCustomerException;
import io.crossdesk.customer.profile.domain.PhoneNumber;
import io.crossdesk.customer.profile.domain.Tier;
import io.crossdesk.customer.profile.persistence.CustomerStore;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Finds customers for the desk. A phone number or e-mail address names one customer at most and is
 * found by its claim, by {@code _id}; a name prefix, tier and region are a paged list in name
 * order.
 */
@Service
public class CustomerSearch {

  public static final int MAX_PAGE_SIZE = 100;

  private final CustomerStore customers;
  private final CustomerProperties properties;

  CustomerSearch(CustomerStore customers, CustomerProperties properties) {
    this.customers = customers;
    this.properties = properties;
  }

  public List<Customer> withPhone(String phone) {
    PhoneNumber number;
    try {
      number = PhoneNumber.parse(phone, properties.defaultCountryCode());
    } catch (InvalidCustomerException notANumber) {
      return List.of();
    }
    return customers.holderOf("phone:" + number.lookupKey()).stream().toList();
  }

  public List<Customer> withEmail(String email) {
    return customers.holderOf("email:" + EmailAddress.lookupKeyOf(email)).stream().toList();
  }

  /** One page, in name order, of the customers matching every criterion given. */
  public List<Customer> matching(String namePrefix, Tier tier, String region, int page, int size) {
    return customers.matching(namePrefix, tier, region, page, size);
  }
}
