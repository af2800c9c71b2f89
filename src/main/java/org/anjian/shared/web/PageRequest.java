package org.anjian.shared.web;

import org.anjian.shared.error.DomainException;

/**
 * Paging as every list takes it: {@code page} counts from 0, {@code size} is capped so that no
 * request can ask the database for everything at once, and {@code page} is capped so that the
 * offset ({@code page × size}) always fits: a page beyond {@link #MAX_PAGE} is a 400 naming
 * {@code page}, never an overflowed, negative offset.
 *
 * <p>{@code after}: a keyset cursor ({@link Cursor}, the {@code next} of the previous page) for the lists that take one:
 * the rows after it in the list's order, whatever {@code page} says. The database then starts at the cursor's place in
 * the order's index instead of walking {@code page × size} rows to skip them (500,000 hazards deep: seconds).
 */
public record PageRequest(int page, int size, String after) {

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
        after = after == null || after.isBlank() ? null : after.strip();
    }

    public PageRequest(int page, int size) {
        this(page, size, null);
    }

    public static PageRequest of(Integer page, Integer size) {
        return of(page, size, null);
    }

    public static PageRequest of(Integer page, Integer size, String after) {
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null || size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return new PageRequest(p, s, after);
    }

    /** Rows to skip; computed in long and capped, so it never wraps to a negative number. None after a cursor. */
    public int offset() {
        return after != null ? 0 : (int) Math.min(Integer.MAX_VALUE, (long) page * size);
    }
}
