package com.calcomalt.platform.web;

/** cal.com API v2's answer when there is nothing to show, as to a delete: {@code {"status": "success"}}. */
public record ApiStatus(String status) {

    public static ApiStatus success() {
        return new ApiStatus("success");
    }
}
