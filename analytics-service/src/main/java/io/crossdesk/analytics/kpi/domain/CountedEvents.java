package io.crossdesk.analytics.kpi.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids of an aggregate's events already counted, so that an event published twice counts once.
 * An aggregate has few events; the ids of the last {@value #REMEMBERED} are kept.
 */
final class CountedEvents {

  static final int REMEMBERED = 200;

  private CountedEvents() {}

  static List<String> with(List<String> counted, String eventId) {
    List<String> ids = new ArrayList<>(counted);
    ids.add(eventId);
    if (ids.size() > REMEMBERED) {
      ids.remove(0);
    }
    return ids;
  }
}
