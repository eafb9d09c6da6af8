package com.calcomalt.query.web;

import java.util.List;

/**
 * cal.com API v2's envelope of a page: {@code {"status": "success", "data": [...], "pagination": {...}}},
 * with its pagination counted from the total, the items asked for per page and the items skipped.
 */
public record PaginatedApiResponse<T>(String status, List<T> data, Pagination pagination) {

    public record Pagination(long totalItems, long remainingItems, int returnedItems, int itemsPerPage,
                             long currentPage, long totalPages, boolean hasNextPage, boolean hasPreviousPage) {
    }

    /** As cal.com counts: the current page is 0 for an empty list, and the last page for a skip past its end. */
    public static <T> PaginatedApiResponse<T> success(List<T> data, long totalItems, int take, int skip) {
        long seen = (long) skip + data.size();
        long totalPages = (totalItems + take - 1) / take;
        long currentPage = totalPages == 0 ? 0 : Math.min(skip / take + 1, totalPages);
        return new PaginatedApiResponse<>("success", data, new Pagination(totalItems, Math.max(0, totalItems - seen),
                data.size(), take, currentPage, totalPages, seen < totalItems, skip > 0));
    }
}
