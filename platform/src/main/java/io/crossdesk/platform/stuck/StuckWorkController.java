package io.crossdesk.platform.stuck;

import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Can;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The stuck work of this service, every kind in one list, and the retry of one item. Through the
 * gateway: {@code /api/admin/<service>/stuck-work}.
 */
@RestController
@RequestMapping("/api/admin/stuck-work")
@PreAuthorize(Can.SUPERVISE)
public class StuckWorkController {

  private static final String KINDS = "outbox-event|deadline|dead-letter";

  private final Map<String, StuckWork> kinds;

  public StuckWorkController(List<StuckWork> kinds) {
    this.kinds =
        kinds.stream()
            .collect(
                Collectors.toMap(StuckWork::kind, Function.identity(), (a, b) -> a, TreeMap::new));
  }

  /** The most recent first, at most {@code limit} of each kind asked for (all kinds by default). */
  @GetMapping
  public List<StuckItem> list(
      @RequestParam(required = false)
          @Pattern(regexp = KINDS, message = "must be one of outbox-event, deadline, dead-letter")
          String kind,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    List<StuckItem> items = new ArrayList<>();
    for (StuckWork work : select(kind)) {
      items.addAll(work.list(limit));
    }
    items.sort(
        Comparator.comparing(
                StuckItem::since, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .reversed());
    return items.size() > limit ? items.subList(0, limit) : items;
  }

  @PostMapping("/{kind}/{id}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public StuckItem retry(@PathVariable String kind, @PathVariable String id) {
    StuckWork work = select(kind).get(0);
    try {
      return work.retry(id).orElseThrow(() -> new NotFoundException("No stuck " + kind + " " + id));
    } catch (RetryFailedException failedAgain) {
      throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, failedAgain.getMessage());
    }
  }

  private List<StuckWork> select(String kind) {
    if (kind == null) {
      return List.copyOf(kinds.values());
    }
    StuckWork work = kinds.get(kind);
    if (work == null) {
      throw new NotFoundException(
          "No kind of stuck work " + kind + "; there are " + kinds.keySet());
    }
    return List.of(work);
  }
}
