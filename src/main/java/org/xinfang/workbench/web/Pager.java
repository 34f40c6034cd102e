package org.xinfang.workbench.web;

import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Paging in the URL ({@code page} counts from 1, {@code size} rows a page), with the links to the
 * previous and next page keeping every filter.
 */
public record Pager(
    int page,
    int pages,
    int size,
    long total,
    long from,
    long to,
    String prev,
    String next,
    boolean exact) {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;

  /** The 1-based page asked for, within 1–100000; junk means 1. */
  static int page(String value) {
    return Math.min(100_000, Math.max(1, parse(value, 1)));
  }

  /** The page size asked for, within 1–100; junk means the default. */
  static int size(String value) {
    return Math.min(MAX_SIZE, Math.max(1, parse(value, DEFAULT_SIZE)));
  }

  static Pager of(String path, Map<String, String> filters, int page, int size, long total) {
    return of(path, filters, page, size, total, Long.MAX_VALUE);
  }

  /**
   * A pager over a bounded count: a {@code total} above {@code counted} means more than {@code
   * counted} rows (the pager then shows "more than", and a next page), not how many.
   */
  static Pager of(
      String path, Map<String, String> filters, int page, int size, long total, long counted) {
    if (total > counted) {
      long from = (long) (page - 1) * size + 1;
      return new Pager(
          page,
          page + 1,
          size,
          counted,
          from,
          (long) page * size,
          page > 1 ? link(path, filters, page - 1, size) : null,
          link(path, filters, page + 1, size),
          false);
    }
    int pages = (int) Math.max(1, (total + size - 1) / size);
    long from = total == 0 ? 0 : (long) (page - 1) * size + 1;
    long to = Math.min(total, (long) page * size);
    return new Pager(
        page,
        pages,
        size,
        total,
        from,
        to,
        page > 1 ? link(path, filters, page - 1, size) : null,
        page < pages ? link(path, filters, page + 1, size) : null,
        true);
  }

  private static String link(String path, Map<String, String> filters, int page, int size) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
    filters.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            b.queryParam(k, v);
          }
        });
    b.queryParam("page", page).queryParam("size", size);
    return b.encode().build().toUriString();
  }

  private static int parse(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
