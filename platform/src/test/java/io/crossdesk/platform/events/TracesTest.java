package io.crossdesk.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import brave.sampler.Sampler;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Traces on a real Brave tracer with W3C propagation, as the services run it. */
class TracesTest {

  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01";

  private final List<MutableSpan> reported = new CopyOnWriteArrayList<>();
  private final ThreadLocalCurrentTraceContext current =
      ThreadLocalCurrentTraceContext.newBuilder().build();
  private final Tracing tracing =
      Tracing.newBuilder()
          .localServiceName("traces-test")
          .currentTraceContext(current)
          .propagationFactory(new W3CPropagation())
          .sampler(Sampler.ALWAYS_SAMPLE)
          .addSpanHandler(
              new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                  reported.add(span);
                  return true;
                }
              })
          .build();
  private final Traces traces =
      new Traces(
          new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(current)),
          new BravePropagator(tracing));
  private final Events events =
      new Events(JsonMapper.builder().build(), "traces-test", Clock.systemUTC(), traces);

  @AfterEach
  void close() {
    tracing.close();
  }

  @Test
  void an_event_written_while_consuming_continues_the_trace_under_the_consumers_span() {
    EventMessage written =
        traces.consuming(
            TRACEPARENT,
            "workorder-service TicketOpened",
            () -> events.create("c-1", customer("c-1", "Ada")));

    MutableSpan consumer = reported.get(0);
    assertThat(consumer.traceId()).isEqualTo(CALLER_TRACE);
    assertThat(consumer.parentId()).isEqualTo(CALLER_SPAN);
    assertThat(consumer.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
    assertThat(consumer.name()).isEqualTo("workorder-service TicketOpened");
    assertThat(written.traceparent()).isEqualTo("00-" + CALLER_TRACE + "-" + consumer.id() + "-01");
  }

  @Test
  void a_failure_is_recorded_on_the_span_and_passed_on() {
    assertThatThrownBy(
            () ->
                traces.consuming(
                    TRACEPARENT,
                    "ticket-service WorkOrderRouted",
                    () -> {
                      throw new IllegalStateException("store down");
                    }))
        .hasMessage("store down");

    assertThat(reported).singleElement().satisfies(span -> assertThat(span.error()).isNotNull());
  }

  @Test
  void an_invalid_or_missing_traceparent_starts_a_new_trace() {
    traces.consuming("00-zz-not-a-trace", "customer-service TicketOpened", () -> {});
    traces.consuming(null, "customer-service TicketOpened", () -> {});

    assertThat(reported).hasSize(2);
    assertThat(reported)
        .allSatisfy(span -> assertThat(span.parentId()).isNull())
        .extracting(MutableSpan::traceId)
        .doesNotHaveDuplicates();
  }

  @Test
  void work_outside_any_span_still_stamps_its_events_with_a_valid_trace() {
    String first = events.create("c-2", customer("c-2", "Bo")).traceparent();
    String second = events.create("c-3", customer("c-3", "Cy")).traceparent();

    assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(first.substring(3, 35)).isNotEqualTo(second.substring(3, 35));
    assertThat(reported).as("no span was started, so none is reported").isEmpty();
  }

  @Test
  void a_deadline_firing_is_the_root_of_a_trace_its_events_belong_to() {
    EventMessage[] written = new EventMessage[1];
    traces.inNewTrace(
        "deadline ticket-escalation",
        () -> written[0] = events.create("c-4", customer("c-4", "Di")));

    MutableSpan root = reported.get(0);
    assertThat(root.parentId()).isNull();
    assertThat(written[0].traceparent()).contains(root.traceId()).contains(root.id());
  }

  @Test
  void without_tracing_events_carry_no_trace_context() {
    Events untraced = new Events(JsonMapper.builder().build(), "t", Clock.systemUTC());

    assertThat(untraced.create("c-5", customer("c-5", "Ed")).traceparent()).isNull();
    assertThat(Traces.NONE.consuming(TRACEPARENT, "x", () -> "ran")).isEqualTo("ran");
  }

  private static CustomerRegistered customer(String id, String name) {
    return new CustomerRegistered(
        id, name, "INDIVIDUAL", "B", "+1 555 0100", "x@example.com", Instant.now());
  }
}
