package io.crossdesk.contracts.notification;

import java.time.Instant;

/**
 * A customer answered the satisfaction survey of one resolution of their ticket, through the
 * single-use link notification-service sent them; at most one answer per survey. Key and subject:
 * ticketId.
 *
 * @param surveyId the survey: the ticket and the resolution round it asks about
 * @param round the resolution round the answer is about
 * @param score 1 (very dissatisfied) to 5 (very satisfied)
 */
public record SurveyAnswered(
    String surveyId,
    String ticketId,
    String customerId,
    int round,
    int score,
    String comment,
    Instant answeredAt) {}
