package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/projections.sh}, the operator's way to rebuild and verify the projections, run as an
 * operator runs it: bash, curl and jq against the running application over HTTP.
 */
class ProjectionsScriptTest extends ApiTest {

    private static final String PROCESSOR = "calcom-projections";
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** The script redraws its bar in place: a carriage return, then "erase the line". */
    private static final Pattern TERMINAL_CONTROL = Pattern.compile("\u001B\\[[0-9]*[A-Za-z]");

    record Run(int exitCode, String output) {
        /** Every state of the bar it drew, and every line it printed after. */
        List<String> lines() {
            return Arrays.stream(TERMINAL_CONTROL.matcher(output).replaceAll("").split("[\r\n]+")).toList();
        }
    }

    @BeforeAll
    static void bashCurlAndJqAreInstalled() {
        List<String> missing = Stream.of("bash", "curl", "jq").filter(tool -> Stream
                .of(System.getenv("PATH").split(File.pathSeparator))
                .noneMatch(dir -> Files.isExecutable(Path.of(dir, tool)))).toList();
        assertThat(missing).as("deploy/projections.sh needs these on the PATH; .ci/run installs them").isEmpty();
        assertThat(REPOSITORY.resolve("deploy/projections.sh")).isRegularFile();
    }

    @Test
    void rebuild_draws_its_bar_to_done_and_verify_then_finds_every_table_identical() throws Exception {
        Member host = newMember("scripted-host", "example.com");
        Member booker = newMember("scripted-booker", "example.com");
        bookingsOf(host, booker, 3);
        awaitProjectionsCaughtUp();
        Instant beforeTheScript = Instant.now();

        Run rebuild = projectionsSh("rebuild");

        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        assertThat(rebuild.lines()).as(rebuild.output())
                .anyMatch(line -> line.matches(PROCESSOR + " +\\[#{40}] 100\\.00%  (\\d+)/\\1 events .* DONE"))
                .anyMatch(line -> line.startsWith(PROCESSOR + ": rebuilt and switched in; rows changed: {"));
        JsonNode rebuilt = processor().get("rebuild");
        assertThat(rebuilt.get("mode").asText()).isEqualTo("REBUILD");
        assertThat(Instant.parse(rebuilt.get("startedAt").asText())).as("the script's own rebuild").isAfter(beforeTheScript);

        Run verify = projectionsSh("verify");

        assertThat(verify.exitCode()).as(verify.output()).isZero();
        List<String> lines = verify.lines();
        assertThat(lines).as(verify.output())
                .anyMatch(line -> line.matches(PROCESSOR + " +\\[#{40}] 100\\.00%  .* DONE"))
                .contains(PROCESSOR + ": every table identical")
                .noneMatch(line -> line.startsWith("DIFFERS"));
        JsonNode verification = processor().get("lastVerification");
        assertThat(Instant.parse(verification.get("at").asText())).isAfter(beforeTheScript);
        assertThat(lines.stream().filter(line -> line.startsWith("identical  ")))
                .as("a line for each table compared").hasSize(verification.get("tables").size());
        long bookings = rows("Booking");
        assertThat(lines).contains("identical  Booking  live %d rows, rebuilt %d rows".formatted(bookings, bookings));
    }

    @Test
    void verify_exits_1_and_names_the_table_of_a_row_changed_by_hand() throws Exception {
        Member host = newMember("scripted-tampered-host", "example.com");
        Member booker = newMember("scripted-tampered-booker", "example.com");
        String uid = bookingsOf(host, booker, 1).get(0);
        awaitProjectionsCaughtUp();
        jdbc.update("update \"Attendee\" set name = 'changed by hand' where \"bookingId\" = (select id from \"Booking\" where uid = ?)", uid);
        try {
            Run verify = projectionsSh("verify", "--processor", PROCESSOR);

            assertThat(verify.exitCode()).as(verify.output()).isEqualTo(1);
            assertThat(verify.lines()).as(verify.output())
                    .anyMatch(line -> line.matches("DIFFERS  +Attendee  live \\d+ rows, rebuilt \\d+ rows"))
                    .contains(PROCESSOR + ": tables that differ: Attendee");
        } finally {
            Run rebuild = projectionsSh("rebuild");
            assertThat(rebuild.exitCode()).as("the rebuild that puts the row back: " + rebuild.output()).isZero();
        }
    }

    @Test
    void an_unknown_processor_exits_1_with_the_apis_reason() throws Exception {
        Run run = projectionsSh("rebuild", "--processor", "nonexistent");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("No event processor named nonexistent can be rebuilt");
    }

    private JsonNode processor() {
        for (JsonNode processor : get("/v2/admin/projections").data().get("processors")) {
            if (PROCESSOR.equals(processor.get("name").asText())) {
                return processor;
            }
        }
        throw new AssertionError("no " + PROCESSOR);
    }

    /** Runs the script from the repository's root; its output goes to a file, so a full pipe never holds it up. */
    private Run projectionsSh(String... arguments) throws IOException, InterruptedException {
        Path output = Files.createTempFile("projections-sh", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("bash", "deploy/projections.sh"),
                    Stream.of(arguments)).toList())
                    .directory(REPOSITORY.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("CALALT_URL", "http://localhost:" + port);
            builder.environment().put("CALALT_API_KEY", ADMIN_KEY);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("deploy/projections.sh " + String.join(" ", arguments) + " still ran after "
                        + TIMEOUT + ": " + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
