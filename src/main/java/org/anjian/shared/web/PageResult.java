package org.anjian.shared.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list endpoint: {@code {"items":[...],"total":n}} plus the paging it answers. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
