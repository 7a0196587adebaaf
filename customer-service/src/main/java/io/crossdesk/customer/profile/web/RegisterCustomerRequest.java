package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.CustomerType;
import io.crossdesk.customer.profile.domain.EmailAddress;
import io.crossdesk.customer.profile.domain.NewCustomer;
import io.crossdesk.customer.profile.domain.PhoneNumber;
import io.crossdesk.customer.profile.domain.Tier;
import io.crossdesk.platform.web.OneOf;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the desk sends to register a customer. */
public record RegisterCustomerRequest(
    @NotBlank @Size(max = Customer.MAX_NAME_LENGTH) String name,
    @NotBlank @OneOf(CustomerType.class) String type,
    @NotBlank @OneOf(Tier.class) String tier,
    @Phone String phone,
    @NotBlank @Email @Size(max = EmailAddress.MAX_LENGTH) String email) {

  NewCustomer toNewCustomer() {
    return new NewCustomer(
        name,
        CustomerType.valueOf(type),
        Tier.valueOf(tier),
        new PhoneNumber(phone),
        new EmailAddress(email));
  }
}
