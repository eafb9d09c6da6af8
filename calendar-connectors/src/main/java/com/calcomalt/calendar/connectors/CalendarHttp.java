package com.calcomalt.calendar.connectors;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * The one way connectors talk HTTP: every call is bounded by the configured timeout, a refused
 * login and a silent server become the connector exceptions, and no message carries a password.
 */
final class CalendarHttp {

    private final Duration timeout;
    private final HttpClient client;

    CalendarHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Duration timeout() {
        return timeout;
    }

    static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new CalendarRefused("Not an http(s) URL: " + url);
            }
            if (uri.getHost() == null) {
                throw new CalendarRefused("No host in URL: " + url);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new CalendarRefused("Not a valid URL: " + url);
        }
    }

    /** Sends the request; 401/403 and 5xx are thrown, every other status is the caller's to judge. */
    HttpResponse<String> send(CalendarAccount account, String method, URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (account.username() != null) {
            String credentials = account.username() + ":" + (account.password() == null ? "" : account.password());
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = sendOnce(request.build());
        } catch (HttpTimeoutException e) {
            throw new CalendarUnreachable(method + " " + uri + " timed out after " + timeout, e);
        } catch (IOException e) {
            throw new CalendarUnreachable(method + " " + uri + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalendarUnreachable(method + " " + uri + " was interrupted", e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new CalendarAuthenticationFailed(method + " " + uri + " refused the login of "
                    + account.username() + " (HTTP " + status + ")");
        }
        if (status >= 500) {
            throw new CalendarUnreachable(method + " " + uri + " answered HTTP " + status);
        }
        return response;
    }

    /**
     * Every request here is safe to repeat (reads, and writes guarded by If-Match/If-None-Match), so
     * one that met a connection the server had already closed is sent once more: servers speaking
     * HTTP/1.0, as radicale does, close it after each answer while the client may still pick it up.
     */
    private HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException | ConnectException | UnknownHostException | SSLException e) {
            throw e;
        } catch (IOException closedUnderUs) {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private static String describe(IOException e) {
        // ConnectException and friends often carry no message of their own.
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
