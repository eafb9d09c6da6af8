package com.calcomalt.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The one setting the README gives for JSON logs, set as an operator would: an environment variable. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @AfterEach
    void plainLinesAgain() {
        start(new StandardEnvironment());
    }

    @Test
    void logging_structured_format_console_ecs_makes_every_console_line_one_json_object(CapturedOutput output)
            throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("operator",
                Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")));
        start(environment);

        LoggerFactory.getLogger(StructuredLogsTest.class).info("Booking {} accepted", "uid-42");

        String line = Arrays.stream(output.getOut().split("\\R"))
                .filter(l -> l.contains("uid-42")).findFirst().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("message").asText()).isEqualTo("Booking uid-42 accepted");
        assertThat(json.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(json.at("/log/logger").asText()).isEqualTo(StructuredLogsTest.class.getName());
        assertThat(json.has("@timestamp")).isTrue();
    }

    private static void start(StandardEnvironment environment) {
        new SpringApplicationBuilder(Nothing.class).environment(environment).web(WebApplicationType.NONE)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF).run().close();
    }
}
