package io.crossdesk.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * The error answers every operation can give, written into each service's OpenAPI document so a
 * generated client knows them: a {@code Problem} schema (RFC 9457, with the field errors this API
 * adds) and, on every operation that does not state its own, 401, 403, 429 and 503, plus 400 where
 * the operation reads a body or parameters and 404 where its path names a resource.
 */
final class ProblemResponses implements GlobalOpenApiCustomizer {

  static final String PROBLEM = "Problem";
  static final String PROBLEM_JSON = "application/problem+json";

  private static final Map<String, String> ANSWERS = new LinkedHashMap<>();

  static {
    ANSWERS.put("400", "The request is not valid: errors[] names each field or parameter");
    ANSWERS.put("401", "No valid bearer token");
    ANSWERS.put("403", "The caller's roles do not allow this request");
    ANSWERS.put("404", "No such resource, or not one the caller may see");
    ANSWERS.put("429", "Too many requests from this caller; see Retry-After");
    ANSWERS.put("503", "The service is busy or unavailable; see Retry-After");
  }

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.components(new Components());
    }
    openApi.getComponents().addSchemas(PROBLEM, problemSchema());
    ANSWERS.forEach(
        (status, description) ->
            openApi
                .getComponents()
                .addResponses(
                    "Problem" + status,
                    new ApiResponse()
                        .description(description)
                        .content(
                            new Content()
                                .addMediaType(
                                    PROBLEM_JSON,
                                    new MediaType()
                                        .schema(
                                            new Schema<>()
                                                .$ref("#/components/schemas/" + PROBLEM))))));
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> addTo(path, method, operation)));
  }

  private static void addTo(String path, PathItem.HttpMethod method, Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    boolean reads =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    ANSWERS.keySet().stream()
        .filter(status -> !status.equals("400") || reads)
        .filter(status -> !status.equals("404") || path.contains("{"))
        .filter(status -> !operation.getResponses().containsKey(status))
        .forEach(
            status ->
                operation
                    .getResponses()
                    .addApiResponse(
                        status, new ApiResponse().$ref("#/components/responses/Problem" + status)));
  }

  private static Schema<?> problemSchema() {
    ObjectSchema fieldError = new ObjectSchema();
    fieldError.addProperty("field", new StringSchema().description("The field or parameter"));
    fieldError.addProperty("message", new StringSchema().description("What is wrong with it"));
    ObjectSchema problem = new ObjectSchema();
    problem.description("RFC 9457 problem details");
    problem.addProperty("type", new StringSchema().description("A URI naming the kind of problem"));
    problem.addProperty("title", new StringSchema());
    problem.addProperty("status", new IntegerSchema());
    problem.addProperty("detail", new StringSchema());
    problem.addProperty("instance", new StringSchema().description("The request's path"));
    problem.addProperty(
        "errors", new ArraySchema().items(fieldError).description("Invalid fields, if any"));
    return problem;
  }
}
