package io.crossdesk.customer.profile;

import io.crossdesk.customer.CustomerProperties;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.EmailAddress;
import io.crossdesk.customer.profile.domain.InvalidCustomerException;
import io.crossdesk.customer.profile.domain.PhoneNumber;
import io.crossdesk.customer.profile.domain.Tier;
import io.crossdesk.customer.profile.persistence.CustomerDocument;
import io.crossdesk.customer.profile.persistence.CustomerStore;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Finds customers for the desk. A phone number or e-mail address names one customer at most and is
 * found by its claim, by {@code _id}; a name prefix, tier and region are a paged list in name
 * order, which real MongoDB serves from the customers' search indexes.
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
}
