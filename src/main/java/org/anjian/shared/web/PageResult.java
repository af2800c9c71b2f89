package org.anjian.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint: {@code {"items":[...],"total":n}} plus the paging it answers; {@code next}, on the lists
 * with keyset paging, is the cursor of the following page ({@code after=…}), absent on the last page.
 */
public record PageResult<T>(List<T> items, long total, int page, int size, @JsonInclude(JsonInclude.Include.NON_NULL) String next) {

    public PageResult(List<T> items, long total, int page, int size) {
        this(items, total, page, size, null);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), total, page, size, next);
    }

    /** This page with the cursor of the next one: of its last row when the page is full, none when it is the last. */
    public PageResult<T> withNext(Function<T, String> cursorOfRow) {
        return new PageResult<>(items, total, page, size, items.isEmpty() || items.size() < size ? null : cursorOfRow.apply(items.get(items.size() - 1)));
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }
}
