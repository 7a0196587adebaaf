package io.crossdesk.platform.it;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.platform.aggregate.AggregateMapping;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.deadline.DeadlineHandler;
import io.crossdesk.platform.deadline.FiredDeadline;
import io.crossdesk.platform.time.CalendarSpec;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A minimal service built on the platform, to prove the plumbing end to end. */
@SpringBootApplication
class PlatformTestApplication {

  record Parcel(String id, String state) {}

  /** Parcels are stored by hand-written mapping through the platform's aggregate store. */
  static final class Parcels implements AggregateMapping<Parcel> {

    @Override
    public String collection() {
      return "parcels";
    }

    @Override
    public String idOf(Parcel parcel) {
      return parcel.id();
    }

    @Override
    public org.bson.Document write(Parcel parcel) {
      return new org.bson.Document("state", parcel.state());
    }

    @Override
    public Parcel read(org.bson.Document stored) {
      return new Parcel(stored.getString("_id"), stored.getString("state"));
    }
  }

  @Bean
  AggregateStore<Parcel> parcels(AggregateStores stores) {
    return stores.of(new Parcels());
  }

  /**
   * A batch consumer that keeps the platform's ledger. A failing handler proves retries and dead
   * letters: it always fails for customers named "poison", fails the first try for "flaky", and
   * fails for "late" until the test accepts late comers.
   */
  @Component
  static class CustomerListener {
    static final String ID = "platform-test.customers";
    final List<CustomerRegistered> handled = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final AtomicBoolean acceptLateComers = new AtomicBoolean();
    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    CustomerListener(IdempotentConsumer consumer) {
      this.consumer = consumer;
      this.handlers = EventHandlers.reading().once(CustomerRegistered.class, this::register);
    }

    @KafkaListener(id = ID, topics = Topics.CUSTOMERS, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
      batchSizes.add(records.size());
      consumer.handle(ID, records, handlers);
    }

    private void register(String eventId, CustomerRegistered customer) {
      int attempt =
          attempts
              .computeIfAbsent(customer.customerId(), id -> new AtomicInteger())
              .incrementAndGet();
      if (customer.name().equals("poison")) {
        throw new IllegalStateException("cannot handle poison");
      }
      if (customer.name().equals("flaky") && attempt == 1) {
        throw new IllegalStateException("the first try fails");
      }
      if (customer.name().equals("late") && !acceptLateComers.get()) {
        throw new IllegalStateException("not ready for late comers yet");
      }
      handled.add(customer);
    }
  }

  /** Gathers what is published on the customers topic, to show what the annotation declares. */
  @Component
  static class GatheringCustomers {
    static final String ID = "platform-test.gathering";
    final Set<String> keys = ConcurrentHashMap.newKeySet();

    @GatheringListener(id = ID, topics = Topics.CUSTOMERS)
    void on(List<ConsumerRecord<String, String>> records) {
      records.forEach(record -> keys.add(record.key()));
    }
  }

  @Document("calendars")
  record StoredCalendar(@Id String id, CalendarSpec spec) {}

  /** Reminds about a parcel; records what it fired. */
  @Component
  static class ParcelReminders implements DeadlineHandler {
    final List<FiredDeadline> fired = new CopyOnWriteArrayList<>();

    /** Parcels whose reminders fail, until the test mends them. */
    final Set<String> failing = ConcurrentHashMap.newKeySet();

    @Override
    public String kind() {
      return "parcel.reminder";
    }

    @Override
    public void fire(FiredDeadline deadline) {
      if (failing.contains(deadline.key().aggregateId())) {
        throw new IllegalStateException("the printer is jammed");
      }
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

    @PostMapping("/announcements")
    @PreAuthorize(Can.EDIT_CONFIGURATION)
    Greeting announce(@Valid @RequestBody Greeting greeting) {
      return greeting;
    }
  }

  record OrderRequest(@NotBlank String item) {}

  record Order(String id, String item) {}

  /**
   * Creates orders and counts how often it ran for each item, so a test sees which requests reached
   * it. An item can be told to fail its next call, or to wait inside the handler.
   */
  @RestController
  static class OrderController {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Set<String> failNext = ConcurrentHashMap.newKeySet();
    final Set<String> crashNext = ConcurrentHashMap.newKeySet();
    final Map<String, Gate> gates = new ConcurrentHashMap<>();

    /** Holds a handler until the test opens it, after it has said that it is inside. */
    record Gate(CountDownLatch inside, CountDownLatch open) {
      Gate() {
        this(new CountDownLatch(1), new CountDownLatch(1));
      }
    }

    int calls(String item) {
      AtomicInteger count = calls.get(item);
      return count == null ? 0 : count.get();
    }

    @PostMapping("/orders")
    ResponseEntity<Order> create(@Valid @RequestBody OrderRequest request)
        throws InterruptedException {
      calls.computeIfAbsent(request.item(), item -> new AtomicInteger()).incrementAndGet();
      if (failNext.remove(request.item())) {
        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "not now");
      }
      if (crashNext.remove(request.item())) {
        throw new IllegalStateException("crashed");
      }
      Gate gate = gates.remove(request.item());
      if (gate != null) {
        gate.inside().countDown();
        if (!gate.open().await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      }
      Order order = new Order(UUID.randomUUID().toString(), request.item());
      return ResponseEntity.created(URI.create("/orders/" + order.id()))
          .eTag("\"" + order.id() + "\"")
          .body(order);
    }
  }
}
