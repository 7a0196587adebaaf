package io.crossdesk.gateway.devtoken;

/** One invalid field of a request, as the services report them too. */
record FieldError(String field, String message) {}
