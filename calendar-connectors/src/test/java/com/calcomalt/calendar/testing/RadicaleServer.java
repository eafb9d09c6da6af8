package com.calcomalt.calendar.testing;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real CalDAV server for tests: the Debian package's radicale as a child process on a free
 * 127.0.0.1 port, with its own storage folder, plain-text htpasswd users and owner-only rights.
 * Register it with {@code @RegisterExtension static RadicaleServer radicale = new RadicaleServer().withUser(..)};
 * {@link #stop()} and {@link #start()} keep the port, so a test can take the server away and back.
 */
public class RadicaleServer implements BeforeAllCallback, AfterAllCallback {

    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Map<String, String> users = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private Path folder;
    private Process process;

    public RadicaleServer() {
        this.port = freePort();
    }

    public RadicaleServer withUser(String username, String password) {
        users.put(username, password);
        if (folder != null) {
            writeUsers();
        }
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        deleteFolder();
    }

    public synchronized void start() {
        if (running()) {
            return;
        }
        String radicale = executable().orElseThrow(() -> new IllegalStateException(
                "The CalDAV tests need radicale on the PATH: apt-get install -y radicale (.ci/run does it)"));
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("radicale");
                writeUsers();
                Files.writeString(folder.resolve("config"), """
                        [server]
                        hosts = 127.0.0.1:%d
                        [auth]
                        type = htpasswd
                        htpasswd_filename = %s
                        htpasswd_encryption = plain
                        delay = 0
                        [rights]
                        type = owner_only
                        [storage]
                        filesystem_folder = %s
                        [web]
                        type = none
                        [logging]
                        level = warning
                        """.formatted(port, folder.resolve("users"), folder.resolve("collections")));
            }
            process = new ProcessBuilder(radicale, "-C", folder.resolve("config").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("radicale.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start radicale", e);
        }
        awaitPort();
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The server's root, which a CalDAV client starts discovery from. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    /** The absolute URL of a calendar collection, as the connector's externalId is. */
    public String calendarUrl(String username, String calendar) {
        return url() + username + "/" + calendar + "/";
    }

    /** Creates a calendar collection for events with MKCALENDAR; returns its URL. */
    public String createCalendar(String username, String calendar, String displayName) {
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
                  <d:set><d:prop>
                    <d:displayname>%s</d:displayname>
                    <c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set>
                  </d:prop></d:set>
                </c:mkcalendar>""".formatted(displayName);
        expect(send(username, "MKCALENDAR", calendarUrl(username, calendar), body, "application/xml"), 201);
        return calendarUrl(username, calendar);
    }

    /** Stores a raw iCalendar object (a whole VCALENDAR) as one resource; returns its URL. */
    public String putEvent(String username, String calendar, String resourceName, String icalendar) {
        String href = calendarUrl(username, calendar) + resourceName;
        HttpResponse<String> response = send(username, "PUT", href, icalendar, "text/calendar; charset=utf-8");
        if (response.statusCode() != 201 && response.statusCode() != 204) {
            throw new IllegalStateException("PUT " + href + " answered " + response.statusCode() + ": " + response.body());
        }
        return href;
    }

    /** The resource's text, or empty when the server has none at that URL. */
    public Optional<String> get(String username, String href) {
        HttpResponse<String> response = send(username, "GET", href, null, null);
        return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    }

    public void delete(String username, String href) {
        send(username, "DELETE", href, null, null);
    }

    /** The iCalendar text of every resource of the calendar, read from radicale's storage folder. */
    public List<String> resources(String username, String calendar) {
        Path collection = folder.resolve("collections").resolve("collection-root").resolve(username).resolve(calendar);
        if (!Files.isDirectory(collection)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(collection)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".ics")).sorted().toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored event with that UID, parsed, or empty. */
    public Optional<Calendar> event(String username, String calendar, String uid) {
        for (String text : resources(username, calendar)) {
            Calendar parsed = parse(text);
            boolean matches = parsed.getComponents(Component.VEVENT).stream()
                    .anyMatch(e -> e.getProperty(Property.UID).map(p -> p.getValue().equals(uid)).orElse(false));
            if (matches) {
                return Optional.of(parsed);
            }
        }
        return Optional.empty();
    }

    private static Calendar parse(String text) {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (Exception e) {
            throw new IllegalStateException("Radicale stored unreadable iCalendar: " + text, e);
        }
    }

    private HttpResponse<String> send(String username, String method, String url, String body, String contentType) {
        String password = users.get(username);
        if (password == null) {
            throw new IllegalArgumentException("No user " + username + ": add it with withUser");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException closedUnderUs) {
                // radicale speaks HTTP/1.0 and closes each connection, which the client may pick up once more.
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private void writeUsers() {
        StringBuilder lines = new StringBuilder();
        users.forEach((user, password) -> lines.append(user).append(':').append(password).append('\n'));
        try {
            Files.writeString(folder.resolve("users"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPort() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("radicale exited with " + process.exitValue() + ": " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        stop();
        throw new IllegalStateException("radicale did not open port " + port + " within " + STARTUP + ": " + log());
    }

    private String log() {
        try {
            return Files.readString(folder.resolve("radicale.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void deleteFolder() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // A temp folder left behind is harmless.
        }
        folder = null;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<String> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, "radicale"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
