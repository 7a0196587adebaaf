package io.crossdesk.benchmark;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What to drive and how hard. Every option has a default for the local stack on a 2-core machine;
 * {@code --quick} switches to a few seconds per phase and a tiny fill, for smoke tests.
 *
 * @param rate intake records per second in the first intake phase; the second runs at half
 * @param fillFactor the fill grows the ticket store to this multiple of its size after round 1; 1
 *     or less skips the fill and round 2
 * @param services service name to base URL, for /actuator/prometheus
 * @param pids component name to process id, for CPU and memory
 * @param storeOnly only the store alone: replay {@code replay} against {@code mongo}
 * @param replay a recording of the store's commands to replay; only with {@code storeOnly}
 * @param replayThreads threads replaying a recording, each a contiguous part of it
 * @param recordRate the full mode: intake requests per second of the phase the store records
 * @param sustained instead of the rounds: a warm-up, then intake at each of {@code rates} in turn
 *     for {@code duration}, until a rate is not sustained; the store records the first
 * @param warmup how long the sustained mode drives intake before it measures
 * @param scaleOut instead of the rounds: a warm-up, then intake at {@code rate} with one instance
 *     of each service, then again with a second instance of {@code scaleService}
 * @param scaleService the service the scale-out mode runs twice; {@code busiest}: whichever of
 *     ticket-service and workorder-service used the most CPU in the one-instance phase
 * @param mongo the stack's MongoDB-compatible store: it records the services' commands during one
 *     phase and replays them alone at the end
 */
public record BenchOptions(
    boolean quick,
    boolean storeOnly,
    Path replay,
    int replayThreads,
    int recordRate,
    boolean sustained,
    Duration warmup,
    boolean scaleOut,
    String scaleService,
    List<Integer> rates,
    int rate,
    Duration duration,
    int connections,
    double fillFactor,
    Duration fillTimeout,
    Duration drainTimeout,
    URI gateway,
    URI ticketService,
    String bootstrapServers,
    Map<String, URI> services,
    Map<String, Long> pids,
    String mongo,
    Path results) {

  private static final Set<String> SWITCHES =
      Set.of("quick", "store-only", "sustained", "scale-out");

  /** The scale-out mode's service by default: whichever used the most CPU with one instance. */
  static final String BUSIEST = "busiest";

  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("rate", "200"),
          Map.entry("record-rate", "25"),
          Map.entry("replay-threads", "4"),
          Map.entry("duration", "20"),
          Map.entry("connections", "32"),
          Map.entry("fill-factor", "10"),
          Map.entry("fill-timeout", "600"),
          Map.entry("drain-timeout", "60"),
          Map.entry("gateway", "http://127.0.0.1:8080"),
          Map.entry("ticket-service", "http://127.0.0.1:8082"),
          Map.entry("bootstrap-servers", "127.0.0.1:9092"),
          Map.entry("mongo", "mongodb://127.0.0.1:27017"),
          Map.entry(
              "services",
              "customer-service=http://127.0.0.1:8081,ticket-service=http://127.0.0.1:8082,"
                  + "workorder-service=http://127.0.0.1:8083,"
                  + "notification-service=http://127.0.0.1:8084,"
                  + "analytics-service=http://127.0.0.1:8085"),
          Map.entry("run-dir", "local-data/run"),
          Map.entry("warmup", "60"),
          Map.entry("scale-service", BUSIEST),
          Map.entry("rates", "25,30,40,50,60,75,100,125,150,200,250,300,400"),
          Map.entry("results", "benchmarks/target/results"));

  private static final Map<String, String> QUICK =
      Map.of(
          "rate", "50",
          "record-rate", "10",
          "duration", "3",
          "connections", "8",
          "fill-factor", "2",
          "fill-timeout", "30",
          "drain-timeout", "20");

  /** The sustained mode's defaults: phases long enough for warm JVMs and a steady backlog. */
  private static final Map<String, String> SUSTAINED =
      Map.of("duration", "60", "drain-timeout", "15");

  private static final Map<String, String> QUICK_SUSTAINED =
      Map.of("duration", "5", "drain-timeout", "10", "warmup", "5", "rates", "10,20");

  /** The scale-out mode: as sustained, at a rate above what one instance of each holds. */
  private static final Map<String, String> SCALE_OUT =
      Map.of("duration", "60", "drain-timeout", "30", "rate", "50");

  private static final Map<String, String> QUICK_SCALE_OUT =
      Map.of("duration", "5", "drain-timeout", "10", "warmup", "5", "rate", "10");

  public BenchOptions {
    rates = List.copyOf(rates);
    services = Map.copyOf(services);
    pids = Map.copyOf(pids);
    if (rate < 2 || connections < 1 || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("rate >= 2, connections >= 1 and duration > 0 needed");
    }
    if (replayThreads < 1 || recordRate < 1) {
      throw new IllegalArgumentException("replay-threads >= 1 and record-rate >= 1 needed");
    }
    if (storeOnly != (replay != null)) {
      throw new IllegalArgumentException(
          "--store-only replays a recording and --replay FILE names it: give both or neither");
    }
  }

  /**
   * Parses {@code --name value} or {@code --name=value}; {@code --quick} first sets the quick
   * defaults, which other options then override; {@code --store-only} takes no value either and
   * needs {@code --replay FILE}. {@code --pids name=pid,...} replaces the pid files of {@code
   * --run-dir}.
   */
  public static BenchOptions parse(List<String> args) {
    Map<String, String> given = flags(args);
    boolean quick = given.containsKey("quick");
    Map<String, String> values = new HashMap<>(DEFAULTS);
    boolean sustained = given.containsKey("sustained");
    boolean scaleOut = given.containsKey("scale-out");
    if (sustained && scaleOut) {
      throw new IllegalArgumentException("--sustained and --scale-out are two modes: choose one");
    }
    if (sustained) {
      values.putAll(SUSTAINED);
    }
    if (scaleOut) {
      values.putAll(SCALE_OUT);
    }
    if (quick) {
      values.putAll(sustained ? QUICK_SUSTAINED : scaleOut ? QUICK_SCALE_OUT : QUICK);
    }
    values.putAll(given);
    Map<String, Long> pids =
        values.containsKey("pids")
            ? pairs(values.get("pids"), Long::valueOf)
            : PidFiles.read(Path.of(values.get("run-dir")));
    return new BenchOptions(
        quick,
        given.containsKey("store-only"),
        values.containsKey("replay") ? Path.of(values.get("replay")) : null,
        Integer.parseInt(values.get("replay-threads")),
        Integer.parseInt(values.get("record-rate")),
        sustained,
        seconds(values.get("warmup")),
        scaleOut,
        values.get("scale-service"),
        Arrays.stream(values.get("rates").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList(),
        Integer.parseInt(values.get("rate")),
        seconds(values.get("duration")),
        Integer.parseInt(values.get("connections")),
        Double.parseDouble(values.get("fill-factor")),
        seconds(values.get("fill-timeout")),
        seconds(values.get("drain-timeout")),
        URI.create(values.get("gateway")),
        URI.create(values.get("ticket-service")),
        values.get("bootstrap-servers"),
        pairs(values.get("services"), URI::create),
        pids,
        values.get("mongo"),
        Path.of(values.get("results")));
  }

  public boolean fills() {
    return fillFactor > 1;
  }

  private static Duration seconds(String value) {
    return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
  }

  private static Map<String, String> flags(List<String> args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("not an option: " + arg);
      }
      String name = arg.substring(2);
      String value;
      if (SWITCHES.contains(name)) {
        value = "true";
      } else if (name.contains("=")) {
        value = name.substring(name.indexOf('=') + 1);
        name = name.substring(0, name.indexOf('='));
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
      if (!DEFAULTS.containsKey(name)
          && !SWITCHES.contains(name)
          && !name.equals("pids")
          && !name.equals("replay")) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      flags.put(name, value);
    }
    return flags;
  }

  private static <T> Map<String, T> pairs(String list, Function<String, T> value) {
    Map<String, T> pairs = new LinkedHashMap<>();
    for (String pair : list.split(",")) {
      if (!pair.isBlank()) {
        String[] parts = pair.trim().split("=", 2);
        if (parts.length != 2) {
          throw new IllegalArgumentException("expected name=value, not " + pair);
        }
        pairs.put(parts[0], value.apply(parts[1]));
      }
    }
    return pairs;
  }
}
