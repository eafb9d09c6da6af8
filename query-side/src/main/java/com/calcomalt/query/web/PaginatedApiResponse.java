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

    public static <T> PaginatedApiResponse<T> success(List<T> data, long totalItems, int take, int skip) {
        long seen = (long) skip + data.size();
        return new PaginatedApiResponse<>("success", data, new Pagination(totalItems, Math.max(0, totalItems - seen),
                data.size(), take, skip / take + 1, (totalItems + take - 1) / take, seen < totalItems, skip > 0));
    }
}
