package io.crossdesk.workorder.configuration.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The query parameters of the audit trail; blank means no filter.
 *
 * @param kind DEPARTMENT, FLOW_TEMPLATE or ROUTING_RULE
 * @param itemId the department, template or rule id
 */
record ChangeParams(
    @Pattern(
            regexp = "DEPARTMENT|FLOW_TEMPLATE|ROUTING_RULE",
            message = "must be one of DEPARTMENT, FLOW_TEMPLATE, ROUTING_RULE")
        String kind,
    @Size(max = 100) String itemId,
    @Min(0) Integer page,
    @Min(1) @Max(100) Integer size) {

  ChangeParams {
    kind = blankAsNull(kind);
    itemId = blankAsNull(itemId);
  }

  int pageNumber() {
    return page == null ? 0 : page;
  }

  int pageSize() {
    return size == null ? 20 : size;
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
