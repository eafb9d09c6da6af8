package com.calcomalt.allinone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where deploy/nginx.conf sends a request, worked out as nginx does for the few directives that
 * file uses: exact and prefix locations, one {@code map} of the request method, {@code proxy_pass},
 * {@code mirror} and a 404 {@code error_page} to a named location. Anything else in a location makes
 * it fail, so the file cannot grow rules that this reading silently ignores.
 */
final class NginxRoutes {

    /**
     * {@code upstream}: the side that answers; {@code mirroredTo}: the side that gets a copy, or
     * null; {@code on404}: the side asked when the first one answers 404, or null.
     */
    record Route(String upstream, String mirroredTo, String on404) {
    }

    private record Directive(String name, List<String> args, List<Directive> block) {
    }

    private static final Pattern TOKEN = Pattern.compile("#[^\\n]*|[{};]|[^\\s{};#]+");

    private final Map<String, String> upstreams = new LinkedHashMap<>();
    private final Map<String, String> methodMap = new LinkedHashMap<>();
    private String methodMapVariable;
    private final Map<String, Directive> locations = new LinkedHashMap<>();
    private String listen;

    NginxRoutes(Path config) throws IOException {
        List<Directive> top = parse(Files.readString(config));
        for (Directive directive : top) {
            switch (directive.name()) {
                case "upstream" -> upstreams.put(directive.args().get(0),
                        only(directive.block(), "server").args().get(0));
                case "map" -> {
                    if (!directive.args().get(0).equals("$request_method")) {
                        throw new IllegalArgumentException("Only a map of $request_method is understood");
                    }
                    methodMapVariable = directive.args().get(1);
                    directive.block().forEach(entry -> methodMap.put(entry.name(), entry.args().get(0)));
                }
                case "server" -> {
                    listen = only(directive.block(), "listen").args().get(0);
                    directive.block().stream().filter(d -> d.name().equals("location"))
                            .forEach(location -> locations.put(String.join(" ", location.args()), location));
                }
                default -> throw new IllegalArgumentException("Not understood at the top: " + directive.name());
            }
        }
    }

    /** What the server block listens on. */
    String listen() {
        return listen;
    }

    /** The host:port that an upstream group's one server is. */
    String server(String upstream) {
        return upstreams.get(upstream);
    }

    Route route(String method, String path) {
        Directive location = location(path);
        if (has(location, "internal")) {
            throw new IllegalArgumentException(path + " is internal: nginx answers 404 to a client");
        }
        String upstream = upstream(location, method);
        String mirror = find(location, "mirror").map(m -> upstream(location(m.args().get(0)), method)).orElse(null);
        String on404 = null;
        Optional<Directive> errorPage = find(location, "error_page");
        if (errorPage.isPresent()) {
            List<String> args = errorPage.get().args();
            if (!args.equals(List.of("404", "=", args.get(2))) || !has(location, "proxy_intercept_errors")) {
                throw new IllegalArgumentException("Only 'error_page 404 = @named' with proxy_intercept_errors is understood");
            }
            on404 = upstream(locations.get(args.get(2)), method);
        }
        return new Route(upstream, mirror, on404);
    }

    /** nginx's choice: an exact match wins, else the longest prefix (no regex locations here). */
    private Directive location(String path) {
        Directive exact = locations.get("= " + path);
        if (exact != null) {
            return exact;
        }
        return locations.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("=") && !e.getKey().startsWith("@"))
                .filter(e -> {
                    if (e.getKey().startsWith("~")) {
                        throw new IllegalArgumentException("Regex locations are not understood: " + e.getKey());
                    }
                    return path.startsWith(e.getKey());
                })
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalArgumentException("No location for " + path));
    }

    private String upstream(Directive location, String method) {
        for (Directive directive : location.block()) {
            if (!List.of("proxy_pass", "mirror", "internal", "proxy_intercept_errors", "error_page")
                    .contains(directive.name())) {
                throw new IllegalArgumentException("Not understood in a location: " + directive.name());
            }
        }
        String target = only(location.block(), "proxy_pass").args().get(0);
        Matcher url = Pattern.compile("http://([^/]+)/?").matcher(target);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not understood: proxy_pass " + target);
        }
        String host = url.group(1);
        if (host.equals(methodMapVariable)) {
            host = methodMap.getOrDefault(method, methodMap.get("default"));
        }
        if (!upstreams.containsKey(host)) {
            throw new IllegalArgumentException("No upstream " + host);
        }
        return host;
    }

    private static boolean has(Directive location, String name) {
        return find(location, name).isPresent();
    }

    private static Optional<Directive> find(Directive location, String name) {
        return location.block().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private static Directive only(List<Directive> block, String name) {
        List<Directive> found = block.stream().filter(d -> d.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException("Expected one " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    private static List<Directive> parse(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            if (!matcher.group().startsWith("#")) {
                tokens.add(matcher.group());
            }
        }
        int[] at = {0};
        List<Directive> directives = block(tokens, at);
        if (at[0] != tokens.size()) {
            throw new IllegalArgumentException("Unbalanced braces in the nginx configuration");
        }
        return directives;
    }

    private static List<Directive> block(List<String> tokens, int[] at) {
        List<Directive> directives = new ArrayList<>();
        while (at[0] < tokens.size() && !tokens.get(at[0]).equals("}")) {
            String name = tokens.get(at[0]++);
            List<String> args = new ArrayList<>();
            while (!tokens.get(at[0]).equals(";") && !tokens.get(at[0]).equals("{")) {
                args.add(tokens.get(at[0]++));
            }
            if (tokens.get(at[0]++).equals("{")) {
                List<Directive> inner = block(tokens, at);
                if (at[0] >= tokens.size()) {
                    throw new IllegalArgumentException("Unclosed block: " + name);
                }
                at[0]++;
                directives.add(new Directive(name, args, inner));
            } else {
                directives.add(new Directive(name, args, List.of()));
            }
        }
        return directives;
    }
}
