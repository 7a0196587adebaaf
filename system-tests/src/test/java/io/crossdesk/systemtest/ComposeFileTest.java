package io.crossdesk.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.crossdesk.contracts.Topics;
import io.crossdesk.platform.config.PlatformDefaults;
import io.crossdesk.platform.metrics.KafkaClientMeters;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml and what it mounts name only what exists in the code: every service image is
 * built from a module's runnable jar, listens where the module's configuration says, is configured
 * by variables that bind to properties the module has, and is scraped where it listens; the topics
 * the stack creates are Crossdesk's, each with its dead-letter topic; the dashboards and alerts ask
 * for meters the code registers. Where a Compose client is installed, it validates the file too
 * ({@code CROSSDESK_COMPOSE_CHECK=required}, as CI sets, makes a missing client a failure).
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

  /** The services built from this repository's modules. */
  private static final List<String> SERVICES = RunningSystem.SERVICES;

  /** Variables that are not properties of a module's configuration. */
  private static final Set<String> NOT_PROPERTIES =
      Set.of("SPRING_PROFILES_ACTIVE", "SPRING_CONFIG_IMPORT");

  private static final Pattern ENV_STYLE = Pattern.compile("[A-Z0-9_]+");

  /** Every property Spring Boot's modules on this classpath document in their metadata. */
  private static final Set<String> BOOT_PROPERTIES = bootProperties();

  @Test
  void every_service_is_built_from_its_module_and_runs_where_its_configuration_says() {
    Map<String, Object> services = map(compose().get("services"));
    String version = projectVersion();
    for (String service : SERVICES) {
      Map<String, Object> definition = map(services.get(service));
      assertThat(definition).as(service).isNotNull();
      Map<String, Object> build = map(definition.get("build"));
      assertThat(ROOT.resolve((String) build.get("dockerfile"))).exists();
      assertThat(map(build.get("args")).get("JAR"))
          .as(service)
          .isEqualTo(service + "/target/" + service + "-" + version + "-exec.jar");
      assertThat(ROOT.resolve(service).resolve("pom.xml")).exists();

      String port = String.valueOf(properties(service).get("server.port"));
      List<String> health = strings(map(definition.get("healthcheck")).get("test"));
      assertThat(health).as(service).contains("http://localhost:" + port + "/actuator/health");
      List<String> listens = new ArrayList<>(strings(definition.get("expose")));
      strings(definition.get("ports")).forEach(mapping -> listens.add(afterLastColon(mapping)));
      assertThat(listens).as(service).containsExactly(port);
      assertThat(map(map(map(definition.get("deploy")).get("resources")).get("limits")))
          .as(service + " memory limit")
          .containsKey("memory");
    }
    assertThat(read(ROOT.resolve("ops/docker/service.Dockerfile")))
        .as("runs as a user of its own")
        .containsPattern("(?m)^USER crossdesk$");
  }

  @Test
  void every_variable_binds_to_a_property_the_service_has() {
    Map<String, Object> services = map(compose().get("services"));
    for (String service : SERVICES) {
      Set<String> known = new TreeSet<>();
      properties(service).keySet().forEach(property -> known.addAll(asVariables(property)));
      // The platform's defaults and Spring Boot's own properties (tracing export, ...), as its
      // configuration metadata documents them.
      if (!service.equals("gateway-service")) {
        PlatformDefaults.DEFAULTS.keySet().forEach(property -> known.addAll(asVariables(property)));
      }
      BOOT_PROPERTIES.forEach(property -> known.addAll(asVariables(property)));
      for (String variable : map(map(services.get(service)).get("environment")).keySet()) {
        assertThat(variable).matches(ENV_STYLE);
        if (!NOT_PROPERTIES.contains(variable)) {
          assertThat(known)
              .as(service + " has a property " + variable + " binds to")
              .contains(variable);
        }
      }
    }
  }

  @Test
  void the_stack_creates_every_topic_and_its_dead_letter_topic_and_nothing_else() {
    String script = read(ROOT.resolve("ops/kafka/create-topics.sh"));
    Matcher topics = Pattern.compile("(?m)^TOPICS=\"([^\"]+)\"").matcher(script);
    assertThat(topics.find()).isTrue();
    assertThat(Arrays.asList(topics.group(1).split(" ")))
        .containsExactlyInAnyOrderElementsOf(Topics.ALL);
    assertThat(script).contains("--topic \"$topic.dlt\"");
    assertThat(Topics.deadLetterOf("x")).isEqualTo("x.dlt");
    Map<String, Object> kafka =
        map(map(map(compose().get("services")).get("kafka-1")).get("environment"));
    assertThat(kafka).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    assertThat(String.valueOf(kafka.get("KAFKA_MIN_INSYNC_REPLICAS"))).isEqualTo("2");
    assertThat(String.valueOf(kafka.get("KAFKA_DEFAULT_REPLICATION_FACTOR"))).isEqualTo("3");
  }

  @Test
  void prometheus_scrapes_each_service_where_it_listens() {
    String scrape = read(ROOT.resolve("ops/prometheus/prometheus.yml"));
    for (String service : SERVICES) {
      assertThat(scrape)
          .as(service)
          .containsPattern(
              "names: \\["
                  + service
                  + "\\]\\s+type: A\\s+port: "
                  + properties(service).get("server.port"));
    }
  }

  @Test
  void dashboards_and_alerts_ask_for_meters_the_code_registers() throws IOException {
    Set<String> meters = registeredMeters();
    List<Path> files =
        List.of(
            ROOT.resolve("ops/prometheus/alerts.yml"),
            ROOT.resolve("ops/grafana/dashboards/crossdesk-overview.json"),
            ROOT.resolve("ops/grafana/dashboards/crossdesk-departments.json"));
    Pattern asked = Pattern.compile("\\bcrossdesk_[a-z0-9_]+");
    Pattern kafka = Pattern.compile("\\bkafka_[a-z0-9_]+");
    Set<String> keptKafkaMeters = new TreeSet<>();
    KafkaClientMeters.KEPT.forEach(name -> keptKafkaMeters.add(name.replace('.', '_')));
    for (Path file : files) {
      String text = read(file);
      Matcher matcher = asked.matcher(text);
      int found = 0;
      while (matcher.find()) {
        found++;
        String meter = matcher.group().replaceAll("_(total|seconds|bucket|count|sum|max)$", "");
        assertThat(meters).as(file.getFileName() + " asks for " + matcher.group()).contains(meter);
      }
      assertThat(found).as(file.getFileName().toString()).isPositive();
      // The Kafka clients' meters a service publishes are a chosen few: those asked for are kept.
      Matcher client = kafka.matcher(text);
      while (client.find()) {
        assertThat(keptKafkaMeters)
            .as(file.getFileName() + " asks for " + client.group())
            .contains(client.group());
      }
    }
  }

  @Test
  void a_compose_client_finds_the_file_valid() throws Exception {
    List<String> command = composeClient();
    boolean required = "required".equals(System.getenv("CROSSDESK_COMPOSE_CHECK"));
    if (command == null) {
      assertThat(required).as("CROSSDESK_COMPOSE_CHECK=required, and no Compose client").isFalse();
      assumeThat(command).as("no Compose client installed").isNotNull();
    }
    List<String> config = new ArrayList<>(command);
    config.addAll(List.of("-f", COMPOSE.toString(), "config", "-q"));
    Process process = new ProcessBuilder(config).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  /** {@code docker compose}, else Debian's {@code docker-compose}, else null. */
  private static List<String> composeClient() throws Exception {
    for (List<String> candidate :
        List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
      List<String> version = new ArrayList<>(candidate);
      version.add("version");
      try {
        Process process = new ProcessBuilder(version).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException notInstalled) {
        // try the next
      }
    }
    return null;
  }

  /** Meter names in the sources, as Prometheus writes them ({@code crossdesk.outbox.pending}). */
  private static Set<String> registeredMeters() throws IOException {
    Pattern literal = Pattern.compile("\"(crossdesk\\.[a-z0-9_.]+)\"");
    Set<String> meters = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(ROOT)) {
      for (Path source :
          sources
              .filter(path -> path.toString().endsWith(".java"))
              .filter(path -> path.toString().contains("/src/main/"))
              .toList()) {
        Matcher matcher = literal.matcher(read(source));
        while (matcher.find()) {
          meters.add(matcher.group(1).replace('.', '_').replace('-', '_'));
        }
      }
    }
    return meters;
  }

  private static Set<String> bootProperties() {
    Set<String> names = new TreeSet<>();
    try {
      Enumeration<URL> metadata =
          ComposeFileTest.class
              .getClassLoader()
              .getResources("META-INF/spring-configuration-metadata.json");
      JsonMapper json = JsonMapper.builder().build();
      while (metadata.hasMoreElements()) {
        try (InputStream in = metadata.nextElement().openStream()) {
          json.readTree(in).path("properties").forEach(p -> names.add(p.path("name").asString()));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(names).as("Spring Boot's configuration metadata").contains("server.port");
    return names;
  }

  /** A module's configuration, flattened: {@code server.port}, {@code spring.mongodb.uri}, ... */
  private static Map<String, Object> properties(String module) {
    Map<String, Object> flat = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("src/main/resources"))) {
      for (Path file :
          files
              .filter(path -> path.getFileName().toString().matches("application(-[a-z]+)?\\.yml"))
              .sorted()
              .toList()) {
        flatten("", yaml(file), flat);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return flat;
  }

  private static void flatten(String prefix, Object node, Map<String, Object> into) {
    if (node instanceof Map<?, ?> children) {
      children.forEach(
          (key, value) ->
              flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
    } else {
      into.putIfAbsent(prefix, node);
    }
  }

  /**
   * The environment variables Spring's relaxed binding reads for a property: dashes removed (the
   * canonical form) or written as underscores (which Spring Boot reads too).
   */
  private static List<String> asVariables(String property) {
    String upper = property.replace('.', '_').toUpperCase(Locale.ROOT);
    return List.of(upper.replace("-", ""), upper.replace('-', '_'));
  }

  private static String projectVersion() {
    Matcher version =
        Pattern.compile("<artifactId>crossdesk</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(read(ROOT.resolve("pom.xml")));
    assertThat(version.find()).isTrue();
    return version.group(1);
  }

  private static String afterLastColon(String mapping) {
    String target = mapping.substring(mapping.lastIndexOf(':') + 1);
    return target.contains("/") ? target.substring(0, target.indexOf('/')) : target;
  }

  private static Map<String, Object> compose() {
    return map(yaml(COMPOSE));
  }

  private static Object yaml(Path file) {
    return new Yaml(new LoaderOptions()).load(read(file));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    return node == null ? Map.of() : (Map<String, Object>) node;
  }

  private static List<String> strings(Object node) {
    if (node == null) {
      return List.of();
    }
    return ((List<?>) node).stream().map(String::valueOf).collect(Collectors.toList());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
