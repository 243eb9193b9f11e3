package org.bookingplatform.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer; {@code hasMore} tells a client whether to ask for the next page. */
public record PageResponse<T>(List<T> items, int page, int size, boolean hasMore) {

    /**
     * Builds a page from a query that fetched up to {@code size} items. {@code hasMore} is
     * true when the page is full: a client may see one empty page at the very end, which is
     * cheaper than counting every matching row on each request.
     */
    public static <E, T> PageResponse<T> of(List<E> rows, PageRequest request, Function<E, T> view) {
        return new PageResponse<>(rows.stream().map(view).toList(), request.page(), request.size(),
                rows.size() == request.size());
    }
}
