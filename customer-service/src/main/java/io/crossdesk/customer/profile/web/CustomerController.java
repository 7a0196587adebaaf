package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.CustomerLookup;
import io.crossdesk.customer.profile.CustomerRegistration;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.platform.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(CustomerController.PATH)
class CustomerController {

  static final String PATH = "/api/customers";

  private final CustomerRegistration registration;
  private final CustomerLookup lookup;

  CustomerController(CustomerRegistration registration, CustomerLookup lookup) {
    this.registration = registration;
    this.lookup = lookup;
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
  ResponseEntity<CustomerView> register(
      @Valid @RequestBody RegisterCustomerRequest request, @AuthenticationPrincipal Jwt token) {
    Customer customer = registration.register(request.toNewCustomer(), token.getSubject());
    // Relative, so that it stays right behind the gateway.
    return ResponseEntity.created(URI.create(PATH + "/" + customer.id().value()))
        .body(CustomerView.of(customer));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN', 'SYSTEM', 'DEPARTMENT', 'CUSTOMER')")
  CustomerView customer(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
    return CustomerView.of(lookup.find(id, Caller.of(token)));
  }

  /** The desk looking up a caller by the phone number or e-mail address they contact it from. */
  @GetMapping
  @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
  List<CustomerView> search(@Valid @ModelAttribute CustomerSearchParams params) {
    List<Customer> found =
        params.byPhone() ? lookup.withPhone(params.phone()) : lookup.withEmail(params.email());
    return found.stream().map(CustomerView::of).toList();
  }
}
