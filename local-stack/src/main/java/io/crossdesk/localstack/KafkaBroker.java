package io.crossdesk.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.Uuid;

/**
 * A single real Apache Kafka broker in KRaft combined mode (broker and controller in one JVM), with
 * its configuration and storage under one directory: {@code server.properties} and {@code data/}.
 * The broker runs as {@code java -cp <classpath> kafka.Kafka <server.properties>}.
 */
public final class KafkaBroker {

  public static final String MAIN_CLASS = "kafka.Kafka";
  public static final String CONFIG_FILE = "server.properties";
  public static final String DATA_DIRECTORY = "data";

  private static final String LOG4J_FLAG =
      "-D" + LocalLogging.PROPERTY + "=" + LocalLogging.CONFIGURATION;

  private KafkaBroker() {}

  /**
   * Writes {@code directory/server.properties}. It is rewritten on every start so that changed
   * ports apply; the static controller quorum (rather than a formatted dynamic one) keeps the data
   * valid when the controller port changes.
   */
  public static Path writeConfig(Path directory, int port, int controllerPort) throws IOException {
    Path home = directory.toAbsolutePath();
    Files.createDirectories(home);
    String config =
        String.join(
            "\n",
            "# Written by io.crossdesk.localstack.KafkaBroker on every start; edit that class.",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "log.dirs=" + home.resolve(DATA_DIRECTORY),
            // One broker: every internal topic has one replica and needs only that one in sync.
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=10",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "transaction.state.log.num.partitions=10",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "default.replication.factor=1",
            "min.insync.replicas=1",
            "auto.create.topics.enable=true",
            "num.partitions=3",
            "group.initial.rebalance.delay.ms=0",
            "");
    Path file = home.resolve(CONFIG_FILE);
    Files.writeString(file, config);
    return file;
  }

  /** True once the storage under {@code directory} has been formatted. */
  public static boolean isFormatted(Path directory) {
    return Files.exists(directory.resolve(DATA_DIRECTORY).resolve("meta.properties"));
  }

  /**
   * Formats the storage with a new cluster id unless it is formatted already, running Kafka's
   * StorageTool in a child JVM (it ends by calling System.exit).
   *
   * @param classpath a class path holding the Kafka broker jars
   * @return true if the storage was formatted now
   */
  public static boolean formatStorageOnce(Path directory, String classpath) {
    if (isFormatted(directory)) {
      return false;
    }
    Path config = directory.toAbsolutePath().resolve(CONFIG_FILE);
    JavaCommand format =
        JavaCommand.mainClass("kafka-storage-format", classpath, "kafka.tools.StorageTool")
            .withJvmFlags(LOG4J_FLAG)
            .withArgs("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString());
    ServiceProcess tool = ServiceProcess.start(format, directory.resolve("format.log"));
    int exitCode = tool.awaitExit(Duration.ofMinutes(1));
    if (exitCode != 0) {
      throw new ServiceStartException(
          "formatting Kafka storage failed with exit code " + exitCode, tool.logTail(20));
    }
    return true;
  }

  /** The broker command; add heap and GC flags with {@link JavaCommand#withJvmFlags}. */
  public static JavaCommand command(Path directory, String classpath) {
    return JavaCommand.mainClass("kafka", classpath, MAIN_CLASS)
        .withJvmFlags(LOG4J_FLAG)
        .withArgs(directory.toAbsolutePath().resolve(CONFIG_FILE).toString());
  }
}
