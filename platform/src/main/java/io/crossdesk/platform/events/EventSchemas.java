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

/** Validates event data against the JSON Schema of its contract. */
public final class EventSchemas {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private EventSchemas() {}

  /** The violations of the contract's schema by {@code json}; empty when it is valid. */
  public static List<String> violations(EventContract contract, String json) {
    Schema schema = SCHEMAS.computeIfAbsent(contract.type(), type -> load(contract));
    try {
      return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    } catch (RuntimeException notJson) {
      return List.of("data is not valid JSON: " + notJson.getMessage());
    }
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
