package io.crossdesk.benchmark.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, built row by row. */
final class Table {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell == null ? "n/a" : cell.toString());
    }
    rows.add(row);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    StringBuilder out = new StringBuilder();
    line(out, header);
    out.append('|');
    header.forEach(h -> out.append(" --- |"));
    out.append('\n');
    rows.forEach(row -> line(out, row));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append('|');
    cells.forEach(cell -> out.append(' ').append(cell.replace("|", "\\|")).append(" |"));
    out.append('\n');
  }
}
