package io.crossdesk.notification.template.web;

import io.crossdesk.notification.template.application.TemplateCatalogue;
import io.crossdesk.notification.template.application.TemplateEdits;
import io.crossdesk.notification.template.application.TemplatePreview;
import io.crossdesk.notification.template.domain.Channel;
import io.crossdesk.notification.template.domain.InvalidTemplateException;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.template.domain.MessageTemplate;
import io.crossdesk.notification.template.domain.Rendered;
import io.crossdesk.notification.template.domain.TemplateKey;
import io.crossdesk.notification.template.domain.TemplateProblem;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(TemplateController.PATH)
@Tag(
    name = "Notification templates",
    description = "The texts of every message, per channel and locale")
class TemplateController {

  static final String PATH = "/api/notifications/templates";
  private static final String ONE = "/{kind}/{channel}/{locale}";

  private final TemplateCatalogue catalogue;
  private final TemplateEdits edits;
  private final TemplatePreview preview;

  TemplateController(TemplateCatalogue catalogue, TemplateEdits edits, TemplatePreview preview) {
    this.catalogue = catalogue;
    this.edits = edits;
    this.preview = preview;
  }

  @GetMapping("/kinds")
  @PreAuthorize(Can.SUPERVISE)
  @Operation(
      summary = "The message catalogue",
      description = "Every kind of message with its audience, channels and placeholders.")
  List<KindView> kinds() {
    return Arrays.stream(MessageKind.values()).map(KindView::of).toList();
  }

  @GetMapping
  @PreAuthorize(Can.SUPERVISE)
  @Operation(
      summary = "List templates",
      description =
          "In kind|channel|locale order, filtered by kind, channel and locale; page from 0, size"
              + " 1-100 (default 20). An unknown filter value is a 400 naming it.")
  TemplatePage list(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String locale,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    List<TemplateProblem> problems = new ArrayList<>();
    Optional<MessageKind> byKind =
        kind == null ? Optional.empty() : TemplateKeys.kind(kind, problems);
    Optional<Channel> byChannel =
        channel == null ? Optional.empty() : TemplateKeys.channel(channel, problems);
    Optional<String> byLocale =
        locale == null ? Optional.empty() : TemplateKeys.locale(locale, problems);
    if (!problems.isEmpty()) {
      throw new InvalidTemplateException(problems);
    }
    List<MessageTemplate> matching =
        catalogue.stored().stream()
            .filter(t -> byKind.map(k -> t.key().kind() == k).orElse(true))
            .filter(t -> byChannel.map(c -> t.key().channel() == c).orElse(true))
            .filter(t -> byLocale.map(l -> t.key().locale().equals(l)).orElse(true))
            .toList();
    List<TemplateView> items =
        matching.stream().skip((long) page * size).limit(size).map(TemplateView::of).toList();
    return new TemplatePage(items, page, size, matching.size());
  }

  @GetMapping(ONE)
  @PreAuthorize(Can.SUPERVISE)
  @Operation(
      summary = "One template",
      description = "With its version as ETag; 404 when none is stored for the key.")
  ResponseEntity<TemplateView> template(
      @PathVariable String kind, @PathVariable String channel, @PathVariable String locale) {
    MessageTemplate template = stored(TemplateKeys.of(kind, channel, locale));
    return ResponseEntity.ok().eTag(TemplateView.etagOf(template)).body(TemplateView.of(template));
  }

  @PutMapping(ONE)
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  @Operation(
      summary = "Write a template",
      description =
          "Replacing a stored template requires If-Match with its ETag (428 without, 412 when it"
              + " changed since); without If-Match a template is created where none is stored."
              + " A malformed text, a placeholder the kind does not offer, a missing e-mail"
              + " subject or a text over its limit is a 400 naming subject or body, and nothing"
              + " is stored.")
  ResponseEntity<TemplateView> write(
      @PathVariable String kind,
      @PathVariable String channel,
      @PathVariable String locale,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @RequestBody TemplateRequest request,
      @AuthenticationPrincipal Jwt token) {
    TemplateKey key = TemplateKeys.of(kind, channel, locale);
    long expected;
    if (ifMatch == null || ifMatch.isBlank()) {
      if (edits.find(key).isPresent()) {
        throw new Versions.PreconditionRequiredException();
      }
      expected = 0;
    } else {
      expected = Versions.fromIfMatch(ifMatch, key);
    }
    MessageTemplate written =
        edits.write(key, request.subject(), request.body(), expected, token.getSubject());
    return ResponseEntity.ok().eTag(TemplateView.etagOf(written)).body(TemplateView.of(written));
  }

  @DeleteMapping(ONE)
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  @Operation(
      summary = "Return a template to the built-in default",
      description =
          "200 with the default, stored as the next version; 204 when the service ships no"
              + " default for the key (the template is removed).")
  ResponseEntity<TemplateView> reset(
      @PathVariable String kind,
      @PathVariable String channel,
      @PathVariable String locale,
      @AuthenticationPrincipal Jwt token) {
    TemplateKey key = TemplateKeys.of(kind, channel, locale);
    return edits
        .reset(key, token.getSubject())
        .map(
            reset ->
                ResponseEntity.ok().eTag(TemplateView.etagOf(reset)).body(TemplateView.of(reset)))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @PostMapping("/preview")
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  @Operation(
      summary = "Render a template without sending it",
      description =
          "A draft (body given) is checked as a save would check it: a 400 names subject or"
              + " body. Without a body the stored template is rendered. values override the"
              + " kind's sample values; a value for a placeholder the kind does not offer is a"
              + " 400 naming values.<name>.")
  Rendered preview(@RequestBody PreviewRequest request) {
    TemplateKey key = TemplateKeys.of(request.kind(), request.channel(), request.locale());
    if (request.body() != null) {
      return preview.draft(key, request.subject(), request.body(), request.values());
    }
    return preview
        .stored(key, request.values())
        .orElseThrow(() -> new NotFoundException("No template " + key.id()));
  }

  private MessageTemplate stored(TemplateKey key) {
    return edits.find(key).orElseThrow(() -> new NotFoundException("No template " + key.id()));
  }
}
