package io.crossdesk.platform.it;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.deadline.DeadlineHandler;
import io.crossdesk.platform.deadline.FiredDeadline;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.HasOutbox;
import io.crossdesk.platform.security.Caller;
import io.crossdesk.platform.time.CalendarSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the platform, to prove the plumbing end to end. */
@SpringBootApplication
class PlatformTestApplication {

  @Document("parcels")
  record Parcel(@Id String id, String state, List<EventMessage> outbox) implements HasOutbox {}

  /** A failing handler proves retries and dead letters; it fails for customers named "poison". */
  @Component
  static class CustomerListener {
    final List<CustomerRegistered> handled = new CopyOnWriteArrayList<>();
    final AtomicBoolean acceptLateComers = new AtomicBoolean();
    private final IdempotentConsumer consumer;

    CustomerListener(IdempotentConsumer consumer) {
      this.consumer = consumer;
    }

    @KafkaListener(id = "platform-test.customers", topics = Topics.CUSTOMERS)
    void on(ConsumerRecord<String, String> record) {
      consumer.handle(
          "platform-test.customers",
          record,
          CustomerRegistered.class,
          customer -> {
            if (customer.name().equals("poison")) {
              throw new IllegalStateException("cannot handle poison");
            }
            if (customer.name().equals("late") && !acceptLateComers.get()) {
              throw new IllegalStateException("not ready for late comers yet");
            }
            handled.add(customer);
          });
    }
  }

  @Document("calendars")
  record StoredCalendar(@Id String id, CalendarSpec spec) {}

  /** Reminds about a parcel; records what it fired. */
  @Component
  static class ParcelReminders implements DeadlineHandler {
    final List<FiredDeadline> fired = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
      return "parcel.reminder";
    }

    @Override
    public void fire(FiredDeadline deadline) {
      fired.add(deadline);
    }
  }

  record Greeting(@NotBlank String name, @Size(max = 5) String mood) {}

  @RestController
  static class SecuredController {
    @GetMapping("/whoami")
    Caller whoami(@AuthenticationPrincipal Jwt jwt) {
      return Caller.of(jwt);
    }

    @PostMapping("/greetings")
    Greeting greet(@Valid @RequestBody Greeting greeting) {
      return greeting;
    }
  }
}
