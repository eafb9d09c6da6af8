package com.calcomalt.calendar.connectors;

/** An event as written on the server: href is its absolute URL, etag the token to change it with. */
public record WrittenEvent(String uid, String externalId, String href, String etag) {
}
