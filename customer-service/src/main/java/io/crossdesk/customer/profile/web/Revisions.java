package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.domain.StaleRevisionException;

/** Reads the revision an If-Match header names: the ETag {@code "<revision>"} the caller read. */
final class Revisions {

  private Revisions() {}

  /**
   * @throws PreconditionRequiredException without If-Match
   * @throws StaleRevisionException when it names no revision (it cannot match)
   */
  static long fromIfMatch(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new PreconditionRequiredException();
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new StaleRevisionException("", -1);
    }
  }

  /** An edit without If-Match: it could overwrite a change the caller never saw. */
  static class PreconditionRequiredException extends RuntimeException {
    PreconditionRequiredException() {
      super("Send If-Match with the ETag of the customer as you read it.");
    }
  }
}
