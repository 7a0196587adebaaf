package io.crossdesk.notification.log.application;

import io.crossdesk.contracts.notification.SurveyAnswered;
import io.crossdesk.contracts.ticket.SatisfactionRecorded;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.contact.persistence.ContactDirectory;
import io.crossdesk.notification.log.domain.InvalidSurveyAnswerException;
import io.crossdesk.notification.log.domain.Moments;
import io.crossdesk.notification.log.domain.Occasion;
import io.crossdesk.notification.log.domain.Survey;
import io.crossdesk.notification.log.domain.SurveyToken;
import io.crossdesk.notification.log.domain.TicketFacts;
import io.crossdesk.notification.log.persistence.SurveyStore;
import io.crossdesk.notification.log.persistence.TicketFactsStore;
import io.crossdesk.notification.template.application.TemplateCatalogue;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.consumer.Delivered;
import io.crossdesk.platform.deadline.DeadlineHandler;
import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.FiredDeadline;
import io.crossdesk.platform.events.Events;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The satisfaction survey of each resolution: scheduled when a ticket is resolved, on the
 * platform's deadline timers ({@value #KIND}, {@code <ticket id>/round-<n>}), so it goes out once
 * across instances and restarts; sent only when the ticket is still in that round (not reopened)
 * and not rated yet; answered once through its signed link, the answer published as {@code
 * SurveyAnswered} for ticket-service to record.
 */
@Component
@EnableConfigurationProperties(SurveyProperties.class)
public class Surveys implements DeadlineHandler {

  static final String KIND = "notification.survey";
  private static final String ROUND = "round-";

  private final Deadlines deadlines;
  private final TicketFactsStore tickets;
  private final SurveyStore surveys;
  private final ContactDirectory contacts;
  private final TemplateCatalogue templates;
  private final MessageWriter writer;
  private final Deliveries deliveries;
  private final Events events;
  private final SurveyProperties properties;
  private final SurveyToken tokens;
  private final Clock clock;

  Surveys(
      Deadlines deadlines,
      TicketFactsStore tickets,
      SurveyStore surveys,
      ContactDirectory contacts,
      TemplateCatalogue templates,
      MessageWriter writer,
      Deliveries deliveries,
      Events events,
      SurveyProperties properties,
      Clock clock) {
    this.deadlines = deadlines;
    this.tickets = tickets;
    this.surveys = surveys;
    this.contacts = contacts;
    this.templates = templates;
    this.writer = writer;
    this.deliveries = deliveries;
    this.events = events;
    this.properties = properties;
    this.tokens = new SurveyToken(properties.secret());
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Schedules the survey of each resolution; scheduling one again changes nothing. */
  public void resolved(List<Delivered<TicketResolved>> resolved) {
    tickets.roundsReached(rounds(resolved, TicketResolved::ticketId, TicketResolved::round));
    for (Delivered<TicketResolved> one : resolved) {
      TicketResolved ticket = one.data();
      deadlines.schedule(
          new DeadlineKey(KIND, ticket.ticketId(), ROUND + ticket.round()),
          ticket.resolvedAt().plus(properties.after()));
    }
  }

  /** A reopened ticket's survey of the round before is not sent any more. */
  public void reopened(List<Delivered<TicketReopened>> reopened) {
    tickets.roundsReached(rounds(reopened, TicketReopened::ticketId, TicketReopened::round));
  }

  /** A resolution rated already (in the portal, or by an agent on a call-back) is not surveyed. */
  public void rated(List<Delivered<SatisfactionRecorded>> rated) {
    tickets.rated(rounds(rated, SatisfactionRecorded::ticketId, SatisfactionRecorded::round));
  }

  /**
   * Sends the survey when it is still due. Its message's id derives from the survey, and the
   * survey's link from what is stored, so a deadline that fires again sends nothing new.
   */
  @Override
  public void fire(FiredDeadline deadline) {
    String ticketId = deadline.key().aggregateId();
    int round = Integer.parseInt(deadline.key().name().substring(ROUND.length()));
    TicketFacts ticket = tickets.findAll(List.of(ticketId)).get(ticketId);
    if (ticket == null || !ticket.awaitsSurveyOf(round)) {
      return;
    }
    Instant now = clock.instant();
    Survey fresh =
        Survey.sent(
            ticketId,
            ticket.customerId(),
            round,
            ticket.reference(),
            now,
            now.plus(properties.validFor()));
    Survey survey = surveys.storeNew(fresh) ? fresh : surveys.find(fresh.id()).orElseThrow();
    if (survey.isAnswered()) {
      return;
    }
    String link = properties.linkBase() + tokens.sign(survey.id(), survey.expiresAt());
    Optional<Contact> contact = contacts.find(ticket.customerId());
    Occasion occasion =
        new Occasion("survey:" + survey.id(), now, ticket.customerId(), ticketId, false);
    deliveries.deliver(
        writer.toCustomer(
            templates.current(),
            occasion,
            MessageKind.SATISFACTION_SURVEY,
            contact,
            locale -> {
              Map<String, String> values = new HashMap<>();
              values.put("customerName", contact.map(Contact::name).orElse(null));
              values.put("ticketNumber", ticket.reference());
              values.put("ticketTitle", ticket.title());
              values.put("surveyLink", link);
              values.put("surveyExpires", Moments.at(survey.expiresAt(), locale));
              return values;
            }));
  }

  /**
   * The survey a link names.
   *
   * @throws InvalidSurveyAnswerException (field {@code token}) for a forged, malformed or expired
   *     link
   */
  public Survey survey(String token) {
    String id = tokens.verify(token, clock.instant());
    return surveys
        .find(id)
        .orElseThrow(() -> new InvalidSurveyAnswerException("token", "names no survey"));
  }

  /**
   * Records the answer and publishes it, once.
   *
   * @throws io.crossdesk.notification.log.domain.SurveyAnsweredException when it was answered
   */
  public Survey answer(String token, int score, String comment) {
    Survey survey = survey(token);
    Instant now = clock.instant();
    return surveys.change(
        survey.id(),
        stored -> {
          Survey answered = stored.answered(score, comment, now);
          return Change.of(
              answered,
              events.create(
                  stored.ticketId(),
                  new SurveyAnswered(
                      stored.id(),
                      stored.ticketId(),
                      stored.customerId(),
                      stored.round(),
                      score,
                      answered.comment(),
                      now)));
        });
  }

  private static <E> Map<String, Integer> rounds(
      List<Delivered<E>> run, Function<E, String> ticket, Function<E, Integer> round) {
    return run.stream().map(Delivered::data).collect(Collectors.toMap(ticket, round, Math::max));
  }
}
