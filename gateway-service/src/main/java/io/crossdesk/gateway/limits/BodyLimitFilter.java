package io.crossdesk.gateway.limits;

import io.crossdesk.gateway.ProblemWriter;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses hostile request bodies at the door, before authentication, routing or any service reads a
 * byte of them:
 *
 * <ul>
 *   <li>larger than the services take: 413 problem+json. A body that states its length is judged by
 *       the header alone; a chunked one is gathered up to the limit and refused as soon as it
 *       passes it, so the gateway never holds more than the limit of any request;
 *   <li>JSON nested deeper, or with a string longer, than any request of the API needs: 400
 *       problem+json. JSON bodies are gathered (within the size limit) and measured in one pass
 *       over their bytes ({@link JsonShape}), then sent on whole.
 * </ul>
 *
 * Other bodies that state their length pass through untouched, streamed.
 */
@Component
class BodyLimitFilter implements WebFilter, Ordered {

  /** Before Spring Security (-100): an oversized body costs no token validation. */
  static final int ORDER = -200;

  private final long limit;
  private final int maxDepth;
  private final int maxString;
  private final ProblemWriter problems;

  BodyLimitFilter(
      @Value("${crossdesk.gateway.max-body-size:256KB}") DataSize limit,
      @Value("${crossdesk.gateway.max-json-depth:32}") int maxDepth,
      @Value("${crossdesk.gateway.max-json-string:64KB}") DataSize maxString,
      ProblemWriter problems) {
    this.limit = limit.toBytes();
    this.maxDepth = maxDepth;
    this.maxString = (int) Math.min(maxString.toBytes(), Integer.MAX_VALUE);
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long length = request.getHeaders().getContentLength();
    if (length > limit) {
      return tooLarge(exchange);
    }
    boolean json = json(request);
    if (length == 0 || (!json && (length > 0 || !chunked(request)))) {
      return chain.filter(exchange);
    }
    return DataBufferUtils.join(request.getBody(), (int) Math.min(limit, Integer.MAX_VALUE))
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            gathered -> {
              if (gathered.isEmpty()) {
                return chain.filter(exchange);
              }
              DataBuffer body = gathered.get();
              String problem = json ? shapeProblem(body) : null;
              if (problem != null) {
                DataBufferUtils.release(body);
                return problems.write(exchange, HttpStatus.BAD_REQUEST, problem);
              }
              return chain.filter(replayed(exchange, body));
            })
        .onErrorResume(DataBufferLimitException.class, tooMuch -> tooLarge(exchange));
  }

  private String shapeProblem(DataBuffer body) {
    byte[] bytes = new byte[body.readableByteCount()];
    body.toByteBuffer(java.nio.ByteBuffer.wrap(bytes));
    return JsonShape.problem(bytes, bytes.length, maxDepth, maxString);
  }

  private static boolean json(ServerHttpRequest request) {
    org.springframework.http.MediaType type = request.getHeaders().getContentType();
    return type != null
        && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
  }

  private Mono<Void> tooLarge(ServerWebExchange exchange) {
    // The rest of the body is not read: the connection closes after the answer.
    exchange.getResponse().getHeaders().setConnection("close");
    return problems.write(
        exchange,
        HttpStatus.CONTENT_TOO_LARGE,
        "The request body is larger than " + limit + " bytes.");
  }

  private static boolean chunked(ServerHttpRequest request) {
    String encoding = request.getHeaders().getFirst(HttpHeaders.TRANSFER_ENCODING);
    return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
  }

  /** The gathered body, sent on with its length stated. */
  private static ServerWebExchange replayed(ServerWebExchange exchange, DataBuffer body) {
    int size = body.readableByteCount();
    ServerHttpRequest request =
        new ServerHttpRequestDecorator(exchange.getRequest()) {
          @Override
          public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(super.getHeaders());
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(size);
            return headers;
          }

          @Override
          public Flux<DataBuffer> getBody() {
            return Flux.just(body);
          }
        };
    return exchange.mutate().request(request).build();
  }
}
