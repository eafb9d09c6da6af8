package com.calcomalt.platform.web;

/** cal.com API v2's success envelope: {@code {"status": "success", "data": ...}}. */
public record ApiResponse<T>(String status, T data) {

    public static <T> ApiResponse<T> success(T data) {
        return new ApiResponse<>("success", data);
    }
}
