package io.crossdesk.platform.consumer;

import io.crossdesk.platform.consumer.DeadLetterAdmin.DeadLetter;
import io.crossdesk.platform.web.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead letters of this service's consumers. Through the gateway: {@code
 * /api/admin/<service>/dead-letters}.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
public class DeadLetterController {

  private final DeadLetterAdmin admin;

  public DeadLetterController(DeadLetterAdmin admin) {
    this.admin = admin;
  }

  @GetMapping
  public List<DeadLetter> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return admin.list(limit);
  }

  @PostMapping("/{topic}/{partition}/{offset}/replay")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public DeadLetter replay(
      @PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
    return admin
        .replay(topic, partition, offset)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No dead letter of this service at " + topic + "/" + partition + "/" + offset));
  }
}
