package org.anjian.shared.web;

/**
 * Paging as every list takes it: {@code page} counts from 0, {@code size} is capped so that no
 * request can ask the database for everything at once.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null || size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
