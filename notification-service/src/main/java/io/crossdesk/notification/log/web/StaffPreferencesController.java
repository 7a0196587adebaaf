package io.crossdesk.notification.log.web;

import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.StaffPreferences;
import io.crossdesk.notification.log.persistence.StaffPreferencesStore;
import io.crossdesk.platform.web.InvalidRequestException;
import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member of staff's own notification preferences: the direct channels of the messages addressed
 * to them personally, and whether they take them one by one or in a daily digest.
 */
@RestController
@RequestMapping("/api/notifications/preferences")
@PreAuthorize(Can.SET_STAFF_PREFERENCES)
class StaffPreferencesController {

  private static final Set<Channel> DIRECT = EnumSet.of(Channel.EMAIL, Channel.SMS);

  private final StaffPreferencesStore preferences;

  StaffPreferencesController(StaffPreferencesStore preferences) {
    this.preferences = preferences;
  }

  @GetMapping
  PreferencesView mine(@AuthenticationPrincipal Jwt principal) {
    String user = Caller.of(principal).subject();
    return PreferencesView.of(preferences.find(user).orElse(StaffPreferences.feedOnly(user)));
  }

  /** Replaces the caller's preferences; 422 naming each field that cannot be taken. */
  @PutMapping
  PreferencesView change(
      @AuthenticationPrincipal Jwt principal, @RequestBody PreferencesRequest request) {
    StaffPreferences chosen = request.toPreferences(Caller.of(principal).subject());
    preferences.save(chosen);
    return PreferencesView.of(chosen);
  }

  /**
   * @param channels EMAIL and/or SMS; the feed always gets every message
   * @param digest one e-mail a day at {@code digestAt} ({@code HH:mm} in {@code zone}) instead of
   *     one message per event; needs an e-mail address
   */
  record PreferencesRequest(
      List<String> channels,
      String email,
      String phone,
      Boolean digest,
      String digestAt,
      String zone) {

    StaffPreferences toPreferences(String user) {
      List<FieldError> errors = new ArrayList<>();
      EnumSet<Channel> direct = EnumSet.noneOf(Channel.class);
      for (String channel : channels == null ? List.<String>of() : channels) {
        try {
          Channel known = Channel.valueOf(channel);
          if (!DIRECT.contains(known)) {
            throw new IllegalArgumentException(channel);
          }
          direct.add(known);
        } catch (IllegalArgumentException | NullPointerException unknown) {
          errors.add(new FieldError("channels", "must be EMAIL or SMS, not " + channel));
        }
      }
      String mail = blankAsNull(email);
      String mobile = blankAsNull(phone);
      if (mail != null && !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        errors.add(new FieldError("email", "is not an e-mail address"));
      }
      if (mobile != null && !mobile.matches("\\+[1-9][0-9]{6,14}")) {
        errors.add(new FieldError("phone", "must be in E.164 form, such as +8613900000001"));
      }
      boolean digestChosen = Boolean.TRUE.equals(digest);
      if ((direct.contains(Channel.EMAIL) || digestChosen) && mail == null) {
        errors.add(new FieldError("email", "is needed for e-mail and for the digest"));
      }
      if (direct.contains(Channel.SMS) && mobile == null) {
        errors.add(new FieldError("phone", "is needed for SMS"));
      }
      LocalTime at = null;
      if (digestAt != null) {
        try {
          at = LocalTime.parse(digestAt);
        } catch (DateTimeParseException unreadable) {
          errors.add(new FieldError("digestAt", "must be a time of day, HH:mm"));
        }
      }
      ZoneId zoneId = null;
      if (zone != null) {
        try {
          zoneId = ZoneId.of(zone);
        } catch (DateTimeException unknown) {
          errors.add(new FieldError("zone", "is not a time zone, such as Asia/Shanghai"));
        }
      }
      if (!errors.isEmpty()) {
        throw new InvalidRequestException("The preferences cannot be taken.", errors);
      }
      return new StaffPreferences(user, direct, mail, mobile, digestChosen, at, zoneId);
    }

    private static String blankAsNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  record PreferencesView(
      String user,
      List<String> channels,
      String email,
      String phone,
      boolean digest,
      String digestAt,
      String zone) {

    static PreferencesView of(StaffPreferences preferences) {
      return new PreferencesView(
          preferences.user(),
          preferences.channels().stream().map(Enum::name).sorted().toList(),
          preferences.email(),
          preferences.phone(),
          preferences.digest(),
          preferences.digestAt().toString(),
          preferences.zone().getId());
    }
  }
}
