package org.bookingplatform.platform.paging;

import io.quarkus.panache.common.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The bounded {@code page}/{@code size} query parameters every list endpoint takes
 * (use as {@code @BeanParam @Valid PageRequest page}).
 * <p>
 * Both are taken as text, as digits only, and bounded by value (Hibernate Validator checks
 * {@code @Min}/{@code @Max} on a character sequence by its numeric value), so that {@code page=abc} or {@code page=2147483648}
 * is a 400 naming the parameter instead of JAX-RS's 404 for a parameter that does not convert.
 * {@code page} is bounded so that {@code page * size} stays a small offset: an unbounded page made
 * the offset overflow (a 500) and, short of that, made PostgreSQL skip millions of rows.
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    /** The deepest page a list serves: 10,000 pages of 100 is a million rows, beyond any client's paging. */
    public static final int MAX_PAGE = 10_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "[0-9]{1,9}", message = "must be a whole number between 0 and " + MAX_PAGE)
    @Min(value = 0, message = "must be a whole number between 0 and " + MAX_PAGE)
    @Max(value = MAX_PAGE, message = "must be a whole number between 0 and " + MAX_PAGE)
    String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = "[0-9]{1,9}", message = "must be a whole number between 1 and " + MAX_SIZE)
    @Min(value = 1, message = "must be a whole number between 1 and " + MAX_SIZE)
    @Max(value = MAX_SIZE, message = "must be a whole number between 1 and " + MAX_SIZE)
    String size;

    public static PageRequest of(int page, int size) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " is out of bounds");
        }
        PageRequest request = new PageRequest();
        request.page = String.valueOf(page);
        request.size = String.valueOf(size);
        return request;
    }

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }

    /** Rows to skip; a long, though the bounds keep it below a million. */
    public long offset() {
        return (long) page() * size();
    }

    public Page toPanache() {
        return Page.of(page(), size());
    }
}
