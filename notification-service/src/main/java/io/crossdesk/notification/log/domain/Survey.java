package io.crossdesk.notification.log.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The satisfaction survey of one resolution of a ticket: sent once, answerable once, until it
 * expires.
 *
 * @param id {@code <ticket id>:<round>}, so that one resolution has one survey however often it is
 *     scheduled
 */
public record Survey(
    String id,
    String ticketId,
    String customerId,
    int round,
    String ticketNumber,
    Instant sentAt,
    Instant expiresAt,
    Instant answeredAt,
    Integer score,
    String comment) {

  public Survey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public static String idOf(String ticketId, int round) {
    return ticketId + ":" + round;
  }

  public static Survey sent(
      String ticketId,
      String customerId,
      int round,
      String ticketNumber,
      Instant at,
      Instant expiresAt) {
    return new Survey(
        idOf(ticketId, round),
        ticketId,
        customerId,
        round,
        ticketNumber,
        at,
        expiresAt,
        null,
        null,
        null);
  }

  public boolean isAnswered() {
    return answeredAt != null;
  }

  /**
   * The survey with the customer's answer.
   *
   * @throws SurveyAnsweredException when it was answered already
   * @throws InvalidSurveyAnswerException when the score is not 1 to 5 or the comment too long
   */
  public Survey answered(int score, String comment, Instant at) {
    if (isAnswered()) {
      throw new SurveyAnsweredException(id);
    }
    if (score < 1 || score > 5) {
      throw new InvalidSurveyAnswerException("score", "must be between 1 and 5");
    }
    if (comment != null && comment.length() > 2000) {
      throw new InvalidSurveyAnswerException("comment", "must be at most 2000 characters");
    }
    String kept = comment == null || comment.isBlank() ? null : comment.strip();
    return new Survey(
        id, ticketId, customerId, round, ticketNumber, sentAt, expiresAt, at, score, kept);
  }
}
