package io.crossdesk.platform.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The W3C trace context of the work in progress, read from and written to events. An HTTP request
 * is traced by Spring's own observation (its span continues the caller's {@code traceparent}); an
 * event written while a span is current carries that span as its {@code traceparent}; a consumer
 * handles each event in a span of its own whose parent is the span that wrote the event. So one
 * ticket is one trace from the gateway through every service that hears of it.
 */
public final class Traces {

  /** No tracing: events carry no trace context and consumers open no spans. */
  public static final Traces NONE = new Traces(Tracer.NOOP, Propagator.NOOP);

  private final Tracer tracer;
  private final Propagator propagator;

  public Traces(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /**
   * The current span as a W3C {@code traceparent}. Work outside any span (the relay, a sweep) gets
   * a new trace of its own, so every event carries one; null only when tracing is off.
   */
  public String traceparent() {
    Span current = tracer.currentSpan();
    return traceparent(current != null ? current : tracer.nextSpan());
  }

  private String traceparent(Span span) {
    String[] traceparent = new String[1];
    propagator.inject(
        span.context(),
        traceparent,
        (carrier, key, value) -> {
          if (CloudEventsBinding.TRACEPARENT.equals(key)) {
            carrier[0] = value;
          }
        });
    return traceparent[0];
  }

  /**
   * Runs {@code work} in a consumer span named {@code name} whose parent is {@code traceparent} (a
   * new trace when it is null or not valid); the span records a failure and ends either way.
   */
  public <T> T consuming(String traceparent, String name, Supplier<T> work) {
    return within(
        propagator
            .extract(
                traceparent == null
                    ? Map.<String, String>of()
                    : Map.of(CloudEventsBinding.TRACEPARENT, traceparent),
                Map::get)
            .name(name)
            .kind(Span.Kind.CONSUMER)
            .start(),
        work);
  }

  /** As {@link #consuming(String, String, Supplier)}, for work without a result. */
  public void consuming(String traceparent, String name, Runnable work) {
    consuming(traceparent, name, asSupplier(work));
  }

  /** Runs work that nothing traced asked for (a deadline firing) in a new trace's root span. */
  public void inNewTrace(String name, Runnable work) {
    within(tracer.spanBuilder().setNoParent().name(name).start(), asSupplier(work));
  }

  private <T> T within(Span span, Supplier<T> work) {
    Tracer.SpanInScope scope = tracer.withSpan(span);
    try {
      return work.get();
    } catch (RuntimeException | Error failure) {
      span.error(failure);
      throw failure;
    } finally {
      scope.close();
      span.end();
    }
  }

  private static Supplier<Void> asSupplier(Runnable work) {
    return () -> {
      work.run();
      return null;
    };
  }
}
