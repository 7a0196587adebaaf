package io.crossdesk.benchmark;

import io.crossdesk.benchmark.load.IntakeLoad;
import io.crossdesk.benchmark.load.IntakeRequests;
import io.crossdesk.benchmark.load.RestLoad;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;

/** The measured phases of a round, in the order they run. */
final class Phases {

  private final BenchOptions options;
  private final Supplier<List<String>> agentTokens;
  private final String customerId;
  private final KafkaProducer<String, String> producer;
  private final IntakeRequests requests;
  private final String runId;

  Phases(
      BenchOptions options,
      Supplier<List<String>> agentTokens,
      String customerId,
      KafkaProducer<String, String> producer,
      IntakeRequests requests,
      String runId) {
    this.options = options;
    this.agentTokens = agentTokens;
    this.customerId = customerId;
    this.producer = producer;
    this.requests = requests;
    this.runId = runId;
  }

  /** {@code tag} keeps each round's externalIds apart. */
  List<PhaseSpec> round(String tag) {
    int connections = options.connections();
    int rate = options.rate();
    int half = rate / 2;
    List<String> agents = agentTokens.get();
    RestLoad viaGateway = new RestLoad(options.gateway(), agents, customerId);
    RestLoad direct = new RestLoad(options.ticketService(), agents, customerId);
    String closedLoop = connections + " connections, closed loop";
    return List.of(
        PhaseSpec.draining(
            "REST via gateway",
            "rest-gateway",
            closedLoop,
            () -> viaGateway.run(connections, options.duration()),
            options.drainTimeout()),
        PhaseSpec.draining(
            "REST to ticket-service",
            "rest-direct",
            closedLoop,
            () -> direct.run(connections, options.duration()),
            options.drainTimeout()),
        PhaseSpec.draining(
            "intake at " + rate + "/s",
            "intake",
            rate + " requests/s, open loop",
            () -> intake(tag + "-intake").run(rate, options.duration()),
            options.drainTimeout()),
        PhaseSpec.draining(
            "intake at " + half + "/s",
            "intake-half",
            half + " requests/s, open loop",
            () -> intake(tag + "-intake-half").run(half, options.duration()),
            options.drainTimeout()));
  }

  /** Intake at {@code rate} for {@code duration}: a warm-up or a step of the sustained mode. */
  PhaseSpec intakeAt(String kind, String tag, int rate, Duration duration) {
    return PhaseSpec.draining(
        "intake at " + rate + "/s",
        kind,
        rate + " requests/s for " + duration.toSeconds() + " s, open loop",
        () -> intake(tag).run(rate, duration),
        options.drainTimeout());
  }

  private IntakeLoad intake(String phase) {
    return new IntakeLoad(producer, requests, runId + "-" + phase);
  }
}
