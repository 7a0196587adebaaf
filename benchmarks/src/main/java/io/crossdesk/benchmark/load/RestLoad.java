package io.crossdesk.benchmark.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closed loop: a fixed number of connections, each opening tickets one after another for the
 * duration. Every answer other than 201 is an error, counted by status. After a 429 or 503 a
 * connection waits as the Retry-After header asks (at most a second), like a well-behaved client.
 */
public final class RestLoad {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration MAX_BACK_OFF = Duration.ofSeconds(1);

  private final HttpClient http = Http.client();
  private final URI tickets;
  private final List<String> tokens;
  private final String customerId;

  /**
   * {@code base} is the gateway or ticket-service itself: both serve POST /api/tickets. Each
   * connection is one agent, with its own token from {@code tokens} (used in turn when there are
   * fewer), as at a desk: the gateway's rate limit is per caller.
   */
  public RestLoad(URI base, List<String> tokens, String customerId) {
    this.tickets = base.resolve("/api/tickets");
    this.tokens = List.copyOf(tokens);
    this.customerId = customerId;
  }

  public LoadOutcome run(int connections, Duration duration) {
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    Queue<String> ticketIds = new ConcurrentLinkedQueue<>();
    Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    AtomicLong requests = new AtomicLong();
    List<Histogram> latencies = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Histogram latency = new Histogram(3);
      latencies.add(latency);
      String token = tokens.get(c % tokens.size());
      Thread thread =
          new Thread(
              () -> loop(token, deadline, requests, ticketIds, errors, latency), "rest-load-" + c);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      join(thread);
    }
    Histogram all = new Histogram(3);
    latencies.forEach(all::add);
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((kind, count) -> errorCounts.put(kind, count.sum()));
    return new LoadOutcome(
        requests.get(),
        ticketIds.size(),
        errorCounts,
        List.copyOf(ticketIds),
        List.of(),
        Duration.ofNanos(System.nanoTime() - started),
        all,
        Duration.ZERO);
  }

  private void loop(
      String token,
      long deadline,
      AtomicLong requests,
      Queue<String> ticketIds,
      Map<String, LongAdder> errors,
      Histogram latency) {
    long n = 0;
    while (System.nanoTime() < deadline) {
      long sent = System.nanoTime();
      requests.incrementAndGet();
      try {
        HttpResponse<String> response =
            http.send(request(token, Thread.currentThread().getName() + "-" + n++), ofString());
        latency.recordValue((System.nanoTime() - sent) / 1000);
        if (response.statusCode() == 201) {
          ticketIds.add(JSON.readTree(response.body()).get("id").asString());
        } else {
          count(errors, "HTTP " + response.statusCode());
          if (response.statusCode() == 429 || response.statusCode() == 503) {
            backOff(response, deadline);
          }
        }
      } catch (HttpTimeoutException e) {
        count(errors, "timeout");
      } catch (IOException e) {
        count(errors, e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private HttpRequest request(String token, String title) {
    String body =
        """
        {"customerId":"%s","channel":"WEB","category":"NETWORK","priority":"NORMAL",
         "title":"Benchmark ticket %s","description":"Opened by the Crossdesk benchmark"}
        """
            .formatted(customerId, title);
    return HttpRequest.newBuilder(tickets)
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Authorization", token)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private static void backOff(HttpResponse<String> response, long deadline)
      throws InterruptedException {
    long seconds =
        response.headers().firstValue("Retry-After").map(RestLoad::parseSeconds).orElse(1L);
    long wait = Math.min(Duration.ofSeconds(seconds).toNanos(), MAX_BACK_OFF.toNanos());
    wait = Math.min(wait, deadline - System.nanoTime());
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  private static long parseSeconds(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void count(Map<String, LongAdder> errors, String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
