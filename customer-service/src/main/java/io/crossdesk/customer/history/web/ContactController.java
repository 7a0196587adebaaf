package io.crossdesk.customer.history.web;

import io.crossdesk.customer.access.application.CustomerAccess;
import io.crossdesk.customer.history.domain.Contact;
import io.crossdesk.customer.history.domain.ContactKind;
import io.crossdesk.customer.history.persistence.ContactHistory;
import io.crossdesk.customer.profile.domain.Channel;
import io.crossdesk.customer.profile.persistence.CustomerStore;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.platform.web.OneOf;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
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
@RequestMapping("/api/customers/{id}/contacts")
class ContactController {

  private final ContactHistory history;
  private final CustomerStore customers;
  private final CustomerAccess access;
  private final Clock clock;

  ContactController(
      ContactHistory history, CustomerStore customers, CustomerAccess access, Clock clock) {
    this.history = history;
    this.customers = customers;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize(Can.READ_CONTACT_HISTORY)
  @Operation(
      summary = "The customer's contacts, newest first",
      description =
          "One page of at most limit (1-100, default 20) contacts, optionally of one channel and"
              + " kind; pass the id of the last one as before for the next page (also in the"
              + " Link header, rel=next, when the page is full).")
  ResponseEntity<List<ContactView>> contacts(
      @PathVariable String id,
      @Valid @ModelAttribute ContactFilter filter,
      @AuthenticationPrincipal Jwt token) {
    requireVisible(id, Caller.of(token));
    List<Contact> page =
        history.page(
            id,
            filter.channelOrNull(),
            filter.kindOrNull(),
            filter.before(),
            filter.limitOrDefault());
    ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
    if (page.size() == filter.limitOrDefault()) {
      String next =
          "/api/customers/"
              + id
              + "/contacts?limit="
              + filter.limitOrDefault()
              + (filter.channel() == null ? "" : "&channel=" + filter.channel())
              + (filter.kind() == null ? "" : "&kind=" + filter.kind())
              + "&before="
              + java.net.URLEncoder.encode(
                  page.get(page.size() - 1).id(), java.nio.charset.StandardCharsets.UTF_8);
      answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return answer.body(page.stream().map(ContactView::of).toList());
  }

  @PostMapping
  @PreAuthorize(Can.RECORD_CONTACTS)
  @Operation(
      summary = "Record a contact by hand",
      description = "A call an agent took without opening a ticket, a call-back, a branch visit.")
  ResponseEntity<ContactView> record(
      @PathVariable String id,
      @Valid @RequestBody ContactRequest request,
      @AuthenticationPrincipal Jwt token) {
    Caller caller = Caller.of(token);
    CustomerAccess.checkMayRecordContacts(caller);
    requireVisible(id, caller);
    Instant at =
        request.at() == null
            ? clock.instant().truncatedTo(ChronoUnit.MILLIS)
            : request.at().truncatedTo(ChronoUnit.MILLIS);
    Contact contact =
        Contact.of(
            id,
            UUID.randomUUID().toString(),
            Channel.valueOf(request.channel()),
            ContactKind.valueOf(request.kind()),
            at,
            request.summary(),
            request.ticketId(),
            caller.subject());
    history.record(contact);
    return ResponseEntity.created(URI.create("/api/customers/" + id + "/contacts"))
        .body(ContactView.of(contact));
  }

  private void requireVisible(String id, Caller caller) {
    if (!access.mayReadHistory(caller, id) || customers.find(id).isEmpty()) {
      throw new NotFoundException("No customer with id " + id);
    }
  }

  record ContactFilter(
      @OneOf(Channel.class) String channel,
      @OneOf(ContactKind.class) String kind,
      @Size(max = 200) String before,
      @Min(1) @Max(ContactHistory.MAX_PAGE) Integer limit) {

    Channel channelOrNull() {
      return channel == null || channel.isBlank() ? null : Channel.valueOf(channel);
    }

    ContactKind kindOrNull() {
      return kind == null || kind.isBlank() ? null : ContactKind.valueOf(kind);
    }

    int limitOrDefault() {
      return limit == null ? 20 : limit;
    }
  }

  record ContactRequest(
      @NotBlank @OneOf(Channel.class) String channel,
      @NotBlank @ManualKind String kind,
      @NotBlank @Size(max = Contact.MAX_SUMMARY_LENGTH) String summary,
      @PastOrPresent Instant at,
      @Size(max = 64) String ticketId) {}

  record ContactView(
      String id,
      Channel channel,
      ContactKind kind,
      Instant at,
      String summary,
      String ticketId,
      String recordedBy) {
    static ContactView of(Contact contact) {
      return new ContactView(
          contact.id(),
          contact.channel(),
          contact.kind(),
          contact.at(),
          contact.summary(),
          contact.ticketId(),
          contact.recordedBy());
    }
  }
}
