package io.crossdesk.ticket.lifecycle.web;

import io.crossdesk.platform.web.OneOf;
import io.crossdesk.security.Can;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.lifecycle.domain.Category;
import io.crossdesk.ticket.lifecycle.persistence.Categories;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The category catalogue: everyone signed in reads it, an ADMIN edits it. */
@RestController
@RequestMapping("/api/tickets/categories")
class CategoryController {

  private final Categories categories;

  CategoryController(Categories categories) {
    this.categories = categories;
  }

  @GetMapping
  @PreAuthorize(Can.READ_CATEGORIES)
  List<Category> list() {
    return categories.catalogue().all();
  }

  /** Adds the category or replaces the one with this code. */
  @PutMapping("/{code}")
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  Category put(@PathVariable String code, @Valid @RequestBody CategoryRequest request) {
    return categories.put(
        new Category(
            code,
            request.nameZh(),
            request.nameEn(),
            TicketType.valueOf(request.defaultType()),
            Priority.valueOf(request.defaultPriority())));
  }

  record CategoryRequest(
      @NotBlank @Size(max = 100) String nameZh,
      @NotBlank @Size(max = 100) String nameEn,
      @NotBlank @OneOf(TicketType.class) String defaultType,
      @NotBlank @OneOf(Priority.class) String defaultPriority) {}
}
