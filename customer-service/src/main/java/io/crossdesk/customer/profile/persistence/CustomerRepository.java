package io.crossdesk.customer.profile.persistence;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CustomerRepository extends MongoRepository<CustomerDocument, String> {

  List<CustomerDocument> findByPhoneKeyOrderByRegisteredAtDesc(String phoneKey, Limit limit);

  List<CustomerDocument> findByEmailKeyOrderByRegisteredAtDesc(String emailKey, Limit limit);
}
