package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.CustomerProperties;
import io.crossdesk.customer.access.application.CustomerAccess;
import io.crossdesk.customer.access.domain.Visibility;
import io.crossdesk.customer.profile.application.CustomerRegistration;
import io.crossdesk.customer.profile.application.CustomerSearch;
import io.crossdesk.customer.profile.application.ProfileEdits;
import io.crossdesk.customer.profile.application.TierPolicies;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.persistence.CustomerStore;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(CustomerController.PATH)
class CustomerController {

  static final String PATH = "/api/customers";

  private final CustomerRegistration registration;
  private final ProfileEdits editing;
  private final CustomerSearch search;
  private final CustomerStore customers;
  private final CustomerAccess access;
  private final TierPolicies policies;
  private final CustomerProperties properties;

  CustomerController(
      CustomerRegistration registration,
      ProfileEdits editing,
      CustomerSearch search,
      CustomerStore customers,
      CustomerAccess access,
      TierPolicies policies,
      CustomerProperties properties) {
    this.registration = registration;
    this.editing = editing;
    this.search = search;
    this.customers = customers;
    this.access = access;
    this.policies = policies;
    this.properties = properties;
  }

  @PostMapping
  @PreAuthorize(Can.MANAGE_CUSTOMERS)
  @Operation(
      summary = "Register a customer",
      description =
          "201 with the customer, its ETag and a relative Location. 400 names every invalid field;"
              + " 409 when a phone or e-mail belongs to another customer (existingCustomerId).")
  ResponseEntity<CustomerView> register(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = RegisterCustomerRequest.class)))
          @RequestBody
          JsonNode body,
      @AuthenticationPrincipal Jwt token) {
    ProfileRequests.Registration request =
        ProfileRequests.registration(body, properties.defaultCountryCode(), policies.current());
    Customer customer =
        registration.register(request.profile(), request.manualTier(), token.getSubject());
    // Relative, so that it stays right behind the gateway.
    return ResponseEntity.created(URI.create(PATH + "/" + customer.id().value()))
        .eTag(CustomerView.etagOf(customer))
        .body(CustomerView.of(customer));
  }

  @GetMapping("/{id}")
  @PreAuthorize(Can.READ_CUSTOMERS)
  @Operation(
      summary = "One customer",
      description =
          "With its revision as ETag. A CUSTOMER sees only their own record; DEPARTMENT staff see"
              + " a customer only while their department holds a step for them, with phones and"
              + " e-mails masked unless the step needs to contact the customer. Otherwise 404.")
  ResponseEntity<CustomerView> customer(
      @PathVariable String id, @AuthenticationPrincipal Jwt token) {
    Visibility visibility = access.visibility(Caller.of(token), id);
    Customer customer =
        customers
            .find(id)
            .filter(found -> visibility != Visibility.NONE)
            .orElseThrow(() -> new NotFoundException("No customer with id " + id));
    return ResponseEntity.ok()
        .eTag(CustomerView.etagOf(customer))
        .body(CustomerView.of(customer, visibility == Visibility.MASKED));
  }

  @PatchMapping(
      value = "/{id}",
      consumes = {"application/merge-patch+json", "application/json"})
  @PreAuthorize(Can.MANAGE_CUSTOMERS)
  @Operation(
      summary = "Edit a customer (JSON merge patch)",
      description =
          "Requires If-Match with the ETag read (428 without, 412 when the customer changed since)."
              + " Fields left out stay; null clears an optional field; unknown fields are 400."
              + " tierOverride {tier, reason} sets a manual tier, null clears it.")
  ResponseEntity<CustomerView> edit(
      @PathVariable String id,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = CustomerPatchRequest.class)))
          @RequestBody
          JsonNode patch,
      @AuthenticationPrincipal Jwt token) {
    long revision = Revisions.fromIfMatch(ifMatch);
    Customer edited =
        editing.edit(
            id,
            revision,
            current -> ProfileRequests.edit(patch, current, properties.defaultCountryCode()),
            token.getSubject());
    return ResponseEntity.ok().eTag(CustomerView.etagOf(edited)).body(CustomerView.of(edited));
  }

  /** The desk looking up a caller by the phone number or e-mail address they contact it from. */
  @GetMapping
  @PreAuthorize(Can.MANAGE_CUSTOMERS)
  @Operation(
      summary = "Search customers",
      description =
          "By phone (any spelling, compared in E.164) or e-mail (any case): at most one match. Or"
              + " by name prefix, tier and region: one page (page from 0, size 1-100, default 20)"
              + " in name order.")
  List<CustomerView> search(@Valid @ModelAttribute CustomerSearchParams params) {
    List<Customer> found;
    if (params.byPhone()) {
      found = search.withPhone(params.phone());
    } else if (params.byEmail()) {
      found = search.withEmail(params.email());
    } else {
      found =
          search.matching(
              params.name(), params.tierOrNull(), params.region(), params.page(), params.size());
    }
    return found.stream().map(CustomerView::of).toList();
  }
}
