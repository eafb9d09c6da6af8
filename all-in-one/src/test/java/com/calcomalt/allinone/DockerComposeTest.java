package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.allinone.NginxRoutes.Route;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and deploy/nginx.conf read as files, since no Docker engine runs the tests:
 * one base URL on :8080 that reaches every endpoint of both sides, which share the keys and the
 * database.
 */
class DockerComposeTest {

    private static final Path CHECKOUT = checkout();
    private static final Route COMMAND_SIDE = new Route("command-side", null, null);
    private static final Route QUERY_SIDE = new Route("query-side", null, null);

    private record Endpoint(String method, String path) {

        /** The path as a client sends it: a value in place of each variable. */
        String example() {
            return path.replaceAll("\\{[^}]+}", "1");
        }
    }

    private final Map<String, Object> services = section(new Yaml().load(read("docker-compose.yml")), "services");
    private final NginxRoutes nginx = new NginxRoutes(CHECKOUT.resolve("deploy/nginx.conf"));

    DockerComposeTest() throws Exception {
    }

    @Test
    void every_endpoint_of_the_command_side_is_routed_to_it() throws Exception {
        List<Endpoint> endpoints = endpoints("com.calcomalt.command");

        assertThat(endpoints).hasSizeGreaterThan(50);
        for (Endpoint endpoint : endpoints) {
            assertThat(nginx.route(endpoint.method(), endpoint.example())).as(endpoint.toString()).isEqualTo(COMMAND_SIDE);
        }
    }

    @Test
    void every_endpoint_of_the_query_side_is_routed_to_it() throws Exception {
        List<Endpoint> endpoints = endpoints("com.calcomalt.query");

        assertThat(endpoints).hasSizeGreaterThan(30).contains(new Endpoint("POST", "/v2/admin/projections/replay"));
        for (Endpoint endpoint : endpoints) {
            assertThat(nginx.route(endpoint.method(), endpoint.example())).as(endpoint.toString()).isEqualTo(QUERY_SIDE);
        }
    }

    @Test
    void dead_letters_are_listed_by_either_side_retried_by_both_and_evicted_by_the_side_that_knows_the_group()
            throws Exception {
        assertThat(endpoints("com.calcomalt.platform")).as("the endpoints that both sides serve")
                .containsExactlyInAnyOrder(
                        new Endpoint("GET", "/v2/admin/dead-letters"),
                        new Endpoint("POST", "/v2/admin/dead-letters/retry"),
                        new Endpoint("DELETE", "/v2/admin/dead-letters/{processingGroup}/{sequenceIdentifier}"));

        assertThat(nginx.route("GET", "/v2/admin/dead-letters")).isEqualTo(QUERY_SIDE);
        assertThat(nginx.route("POST", "/v2/admin/dead-letters/retry"))
                .isEqualTo(new Route("command-side", "query-side", null));
        assertThat(nginx.route("DELETE", "/v2/admin/dead-letters/webhook-dispatcher/1"))
                .isEqualTo(new Route("command-side", null, "query-side"));
    }

    @Test
    void health_and_the_api_documents_on_the_base_url_are_the_query_sides() {
        assertThat(nginx.route("GET", "/actuator/health")).isEqualTo(QUERY_SIDE);
        assertThat(nginx.route("GET", "/v3/api-docs")).isEqualTo(QUERY_SIDE);
    }

    @Test
    void the_proxy_serves_port_8080_with_the_mounted_configuration_once_both_sides_are_healthy() {
        Map<String, Object> proxy = section(services, "proxy");

        assertThat((String) proxy.get("image")).startsWith("nginx:");
        assertThat(proxy.get("ports")).asList().containsExactly("8080:" + nginx.listen());
        assertThat(proxy.get("volumes")).asList().containsExactly("./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro");
        assertThat(section(proxy, "depends_on")).containsOnlyKeys("command-side", "query-side")
                .allSatisfy((service, condition) -> assertThat(condition).isEqualTo(Map.of("condition", "service_healthy")));
    }

    @Test
    void the_proxy_reaches_each_side_on_the_port_its_container_listens_on() {
        for (String side : List.of("command-side", "query-side")) {
            List<?> ports = (List<?>) section(services, side).get("ports");
            String containerPort = ports.get(0).toString().split(":")[1];

            assertThat(nginx.server(side)).isEqualTo(side + ":" + containerPort);
        }
    }

    @Test
    void both_sides_get_the_same_bootstrap_key_secrets_key_and_database() {
        Map<String, Object> command = section(section(services, "command-side"), "environment");
        Map<String, Object> query = section(section(services, "query-side"), "environment");

        for (String shared : List.of("CALALT_BOOTSTRAP_API_KEY", "CALALT_SECRETS_ENCRYPTION_KEY",
                "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
            assertThat(command).as("command side").containsKey(shared);
            assertThat(query.get(shared)).as("query side: " + shared).isEqualTo(command.get(shared));
        }
        assertThat(command.get("CALALT_BOOTSTRAP_API_KEY")).isEqualTo("${CALALT_BOOTSTRAP_API_KEY:-}");
        assertThat(command.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/calcom");
    }

    @Test
    void each_side_runs_two_replicas_by_default_each_on_a_port_of_its_own_range_and_none_with_a_fixed_node_name() {
        Map<String, String> replicas = Map.of("command-side", "${CALALT_COMMAND_REPLICAS:-2}",
                "query-side", "${CALALT_QUERY_REPLICAS:-2}");
        Map<String, String> ports = Map.of("command-side", "8101-8109:8080", "query-side", "8201-8209:8080");
        for (String side : List.of("command-side", "query-side")) {
            Map<String, Object> service = section(services, side);

            assertThat(section(service, "deploy").get("replicas")).as(side).isEqualTo(replicas.get(side));
            assertThat(service.get("ports")).as("one published port per replica, up to nine").asList()
                    .containsExactly(ports.get(side));
            assertThat(service).doesNotContainKey("container_name");
            assertThat(section(service, "environment")).as("replicas would share one name")
                    .doesNotContainKey("CALALT_NODE_NAME");
            assertThat(nginx.server(side)).as("the service name, which resolves to every replica").isEqualTo(side + ":8080");
        }
    }

    /** Every mapped method and path of the REST controllers in a package, class prefix included. */
    private static List<Endpoint> endpoints(String basePackage) throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Endpoint> endpoints = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> controller = Class.forName(candidate.getBeanClassName());
            RequestMapping classMapping = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String[] prefixes = classMapping == null || classMapping.path().length == 0
                    ? new String[] {""} : classMapping.path();
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String[] paths = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        if (!(prefix + path).startsWith("/v2/")) {
                            continue;
                        }
                        assertThat(mapping.method()).as("the HTTP method of " + prefix + path).isNotEmpty();
                        for (RequestMethod httpMethod : mapping.method()) {
                            endpoints.add(new Endpoint(httpMethod.name(), prefix + path));
                        }
                    }
                }
            }
        }
        return endpoints;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    private static String read(String file) throws Exception {
        return Files.readString(CHECKOUT.resolve(file));
    }

    /** Tests run in the module's folder; the compose file is in the checkout's. */
    private static Path checkout() {
        Path folder = Path.of("").toAbsolutePath();
        while (!Files.exists(folder.resolve("docker-compose.yml"))) {
            folder = folder.getParent();
        }
        return folder;
    }
}
