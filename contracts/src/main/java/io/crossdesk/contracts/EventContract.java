package io.crossdesk.contracts;

/**
 * One event type: its CloudEvents type, the topic it travels on, the record that carries its data
 * and the JSON Schema (a classpath resource) that the data must satisfy.
 */
public record EventContract(String type, String topic, Class<? extends Record> dataType) {

  public String schemaResource() {
    return "/schemas/" + type + ".schema.json";
  }
}
