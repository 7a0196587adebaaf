package io.crossdesk.platform.aggregate;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * The update that turns one stored state into another: {@code $set} for every field that differs,
 * going into embedded documents so that a change of one nested field writes that field only, and
 * {@code $unset} for fields the new state no longer has. Lists are set whole.
 */
final class DocumentDiff {

  private DocumentDiff() {}

  static void between(
      Document stored, Document wanted, Set<String> ignored, Document set, Document unset) {
    diff("", stored, wanted, ignored, set, unset);
  }

  private static void diff(
      String prefix,
      Map<String, Object> stored,
      Map<String, Object> wanted,
      Set<String> ignored,
      Document set,
      Document unset) {
    for (Map.Entry<String, Object> field : wanted.entrySet()) {
      String path = prefix + field.getKey();
      if (ignored.contains(path)) {
        continue;
      }
      Object old = stored.get(field.getKey());
      Object now = field.getValue();
      if (old instanceof Document oldNested && now instanceof Document newNested) {
        diff(path + ".", oldNested, newNested, Set.of(), set, unset);
      } else if (!Objects.equals(old, now)) {
        set.append(path, now);
      }
    }
    for (String field : stored.keySet()) {
      String path = prefix + field;
      if (!ignored.contains(path) && !wanted.containsKey(field)) {
        unset.append(path, "");
      }
    }
  }
}
