package io.crossdesk.gateway.routing;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Errors that mean the gateway's own limits are full, not that the service failed: the bulkhead
 * admits no more concurrent calls, or no pooled connection came free in time. A circuit breaker
 * ignores them (see {@code ignore-exception-predicate} in application.yml), so a busy service is
 * never cut off as if it were down; the caller is told to retry shortly instead.
 */
public final class GatewayOverload implements Predicate<Throwable> {

  /**
   * Reactor Netty shades its connection pool into an internal package, so its exceptions are
   * recognised by name rather than by a type the gateway could import.
   */
  private static final Set<String> POOL_EXHAUSTED =
      Set.of("PoolAcquireTimeoutException", "PoolAcquirePendingLimitException");

  @Override
  public boolean test(Throwable error) {
    return isOverload(error);
  }

  static boolean isOverload(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof BulkheadFullException
          || POOL_EXHAUSTED.contains(t.getClass().getSimpleName())) {
        return true;
      }
    }
    return false;
  }
}
