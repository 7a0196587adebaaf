package io.crossdesk.notification.log.persistence;

import io.crossdesk.notification.log.domain.Survey;
import io.crossdesk.platform.aggregate.AggregateMapping;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.platform.aggregate.Change;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** The surveys sent, one per resolution of a ticket, through the platform's aggregate store. */
@Component
public class SurveyStore {

  private final AggregateStore<Survey> surveys;

  SurveyStore(AggregateStores stores) {
    this.surveys = stores.of(new Mapping());
  }

  /** Stores the survey unless its resolution has one already; true when this call stored it. */
  public boolean storeNew(Survey survey) {
    return !surveys.insertNew(List.of(survey)).isEmpty();
  }

  public Optional<Survey> find(String id) {
    return surveys.find(id);
  }

  public Survey change(String id, Function<Survey, Change<Survey>> decide) {
    return surveys.change(id, decide);
  }

  private static final class Mapping implements AggregateMapping<Survey> {

    @Override
    public String collection() {
      return "surveys";
    }

    @Override
    public String idOf(Survey survey) {
      return survey.id();
    }

    @Override
    public Document write(Survey s) {
      Document document =
          new Document("ticketId", s.ticketId()).append("customerId", s.customerId());
      document.append("round", s.round()).append("sentAt", Date.from(s.sentAt()));
      document.append("expiresAt", Date.from(s.expiresAt()));
      put(document, "ticketNumber", s.ticketNumber());
      put(document, "answeredAt", s.answeredAt() == null ? null : Date.from(s.answeredAt()));
      put(document, "score", s.score());
      put(document, "comment", s.comment());
      return document;
    }

    @Override
    public Survey read(Document stored) {
      return new Survey(
          stored.getString("_id"),
          stored.getString("ticketId"),
          stored.getString("customerId"),
          stored.getInteger("round"),
          stored.getString("ticketNumber"),
          instant(stored.getDate("sentAt")),
          instant(stored.getDate("expiresAt")),
          instant(stored.getDate("answeredAt")),
          stored.getInteger("score"),
          stored.getString("comment"));
    }

    private static void put(Document document, String field, Object value) {
      if (value != null) {
        document.put(field, value);
      }
    }

    private static Instant instant(Date date) {
      return date == null ? null : date.toInstant();
    }
  }
}
