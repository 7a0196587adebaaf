package io.crossdesk.localstack;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Usage: {@code KafkaSetupMain <directory> [port] [controller-port]}, defaults 9092 and 9093.
 * Writes the broker configuration and formats the storage the first time. The broker itself is then
 * started as {@code java -cp <this class path> kafka.Kafka <directory>/server.properties}.
 */
public final class KafkaSetupMain {

  private KafkaSetupMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: KafkaSetupMain <directory> [port] [controller-port]");
      System.exit(2);
    }
    Path directory = Path.of(args[0]).toAbsolutePath();
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
    int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;
    Path config = KafkaBroker.writeConfig(directory, port, controllerPort);
    boolean formatted =
        KafkaBroker.formatStorageOnce(directory, System.getProperty("java.class.path"));
    System.out.println(
        "Kafka configuration "
            + config
            + (formatted ? ", storage formatted" : ", storage already formatted"));
  }
}
