package io.crossdesk.platform.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.crossdesk.contracts.EventContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** Validates event data against the JSON Schema of its contract. */
public final class EventSchemas {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private EventSchemas() {}

  /** The violations of the contract's schema by {@code json}; empty when it is valid. */
  public static List<String> violations(EventContract contract, String json) {
    Schema schema = schemaOf(contract);
    try {
      return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    } catch (RuntimeException notJson) {
      return List.of("data is not valid JSON: " + notJson.getMessage());
    }
  }

  /** The violations of the contract's schema by an already parsed tree; empty when it is valid. */
  public static List<String> violations(EventContract contract, JsonNode tree) {
    return schemaOf(contract).validate(tree).stream().map(Error::toString).toList();
  }

  private static Schema schemaOf(EventContract contract) {
    return SCHEMAS.computeIfAbsent(contract.type(), type -> load(contract));
  }

  private static Schema load(EventContract contract) {
    try (InputStream in = EventContract.class.getResourceAsStream(contract.schemaResource())) {
      if (in == null) {
        throw new IllegalStateException("no schema on the classpath for " + contract.type());
      }
      return REGISTRY.getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
