package org.anjian.shared.web;

import org.anjian.shared.error.DomainException;

/**
 * Paging as every list takes it: {@code page} counts from 0, {@code size} is capped so that no
 * request can ask the database for everything at once, and {@code page} is capped so that the
 * offset ({@code page × size}) always fits: a page beyond {@link #MAX_PAGE} is a 400 naming
 * {@code page}, never an overflowed, negative offset.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** The highest page a list serves: its offset fits in an int with the largest page size. */
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        if (page < 0 || page > MAX_PAGE) {
            throw DomainException.invalid("page", "shared.validation.page", "页码须在 0 到 " + MAX_PAGE + " 之间");
        }
        if (size <= 0) {
            throw DomainException.invalid("size", "shared.validation.size", "每页条数须大于 0");
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null || size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return new PageRequest(p, s);
    }

    /** Rows to skip; computed in long and capped, so it never wraps to a negative number. */
    public int offset() {
        return (int) Math.min(Integer.MAX_VALUE, (long) page * size);
    }
}
