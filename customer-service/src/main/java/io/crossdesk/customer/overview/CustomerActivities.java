package io.crossdesk.customer.overview;

import io.crossdesk.customer.history.domain.Contact;
import io.crossdesk.customer.overview.domain.Activity;
import io.crossdesk.customer.overview.domain.RecentContact;
import io.crossdesk.customer.overview.domain.TicketState;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * One activity document per customer ({@code _id} the customer id), changed by read, apply and
 * write under a version: every read and write goes by {@code _id}, and two events for the same
 * customer never overwrite each other.
 */
@Component
public class CustomerActivities {

  private final MongoTemplate mongo;
  private final Clock clock;

  CustomerActivities(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  public Activity of(String customerId) {
    ActivityDocument stored = mongo.findById(customerId, ActivityDocument.class);
    return stored == null ? Activity.none() : stored.toActivity();
  }

  public void contacted(Contact contact) {
    change(
        contact.customerId(),
        activity ->
            activity.contacted(
                new RecentContact(
                    contact.id(),
                    contact.channel().name(),
                    contact.kind().name(),
                    contact.at(),
                    contact.summary(),
                    contact.ticketId())));
  }

  void change(String customerId, Consumer<Activity> edit) {
    while (true) {
      ActivityDocument stored = mongo.findById(customerId, ActivityDocument.class);
      Activity activity = stored == null ? Activity.none() : stored.toActivity();
      edit.accept(activity);
      activity.forgetOldTickets(clock.instant());
      try {
        mongo.save(
            ActivityDocument.of(customerId, activity, stored == null ? null : stored.version()));
        return;
      } catch (OptimisticLockingFailureException | DuplicateKeyException raced) {
        // another event for this customer was written meanwhile: apply to that
      }
    }
  }

  /** The unique index on {@code (_id, version)} lets the embedded server find versioned writes. */
  @Document("customer_activity")
  @CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
  record ActivityDocument(
      @Id String id,
      Map<String, TicketState> tickets,
      Map<String, Integer> surveys,
      List<RecentContact> recentContacts,
      List<String> riskFlags,
      @Version Long version) {

    static ActivityDocument of(String id, Activity activity, Long version) {
      return new ActivityDocument(
          id,
          activity.tickets(),
          activity.surveys(),
          activity.recentContacts(),
          activity.riskFlags(),
          version);
    }

    Activity toActivity() {
      return new Activity(tickets, surveys, recentContacts, riskFlags);
    }
  }
}
