package io.crossdesk.systemtest;

import io.crossdesk.security.Capability;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The declared table of what every endpoint needs ({@code access-matrix.txt}): a capability, or
 * nothing (open). The access matrix and the hostile-input tests read it.
 */
final class AccessMatrix {

  /** The services whose OpenAPI documents the gateway serves at /v3/api-docs/<service>. */
  static final List<String> SERVICES =
      List.of(
          "customer-service",
          "ticket-service",
          "workorder-service",
          "notification-service",
          "analytics-service");

  private static final List<Row> ROWS = read();

  private AccessMatrix() {}

  static List<Row> rows() {
    return ROWS;
  }

  /** The capability of {@code "METHOD /path"}, null for an open endpoint. */
  static Capability capability(String endpoint) {
    return ROWS.stream()
        .filter(row -> row.toString().equals(endpoint))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row for " + endpoint))
        .capability();
  }

  /** A path of a service's document as the gateway exposes it: its admin API under its name. */
  static String routed(String service, String path) {
    return path.startsWith("/api/admin/")
        ? path.replace("/api/admin/", "/api/admin/" + service + "/")
        : path;
  }

  private static List<Row> read() {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                AccessMatrix.class.getResourceAsStream("/access-matrix.txt"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\\s+");
        rows.add(
            new Row(
                columns[0],
                columns[1],
                columns[2].equals("OPEN") ? null : Capability.valueOf(columns[2]),
                columns.length > 3 && columns[3].equals("deny-only")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(rows);
  }

  /**
   * @param capability null: open to everyone
   * @param denyOnly the call has effects no test should cause for a role allowed it (a rebuild of
   *     every KPI): only the roles without the capability are tried
   */
  record Row(String method, String path, Capability capability, boolean denyOnly) {

    boolean open() {
      return capability == null;
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }
}
