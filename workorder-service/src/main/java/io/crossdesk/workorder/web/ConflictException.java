package io.crossdesk.workorder.web;

/** The request collides with the state it finds, e.g. a step someone else claimed first. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
