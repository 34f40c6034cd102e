package org.xinfang.petition;

import java.util.List;

/** A page of results: the items, where they sit, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public int pages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }
}
