package com.calcomalt.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.platform.database.EmbeddedPostgresProperties.Mode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    /** Starts a persistent server in a JVM of its own, writes a row, says READY and waits to be killed. */
    public static class KilledHolder {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                    new EmbeddedPostgresProperties(Mode.PERSISTENT, Path.of(args[0]), Integer.parseInt(args[1])));
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
                connection.createStatement().execute("create table survivor (name text); insert into survivor values ('kept')");
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    @Test
    void a_postgres_left_running_by_a_killed_jvm_is_stopped_and_its_data_is_served_again(@TempDir Path data)
            throws Exception {
        int port = freePort();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledHolder.class.getName(),
                data.resolve("postgres").toString(), String.valueOf(port))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // the holder's start-up output
            }
            assertThat(line).isEqualTo("READY");
        }
        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresProperties(Mode.PERSISTENT, data.resolve("postgres"), port));
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery("select name from survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void a_second_instance_on_a_data_directory_in_use_shares_the_running_server_and_leaves_it_running(
            @TempDir Path data) throws Exception {
        EmbeddedPostgresProperties first = new EmbeddedPostgresProperties(Mode.PERSISTENT,
                data.resolve("postgres"), freePort());
        EmbeddedPostgresProperties second = new EmbeddedPostgresProperties(Mode.PERSISTENT,
                data.resolve("postgres"), freePort());
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(first)) {
            try (EmbeddedPostgresServer sharing = EmbeddedPostgresServer.start(second);
                 Connection connection = DriverManager.getConnection(sharing.jdbcUrl(), "postgres", "")) {
                assertThat(sharing.port()).isEqualTo(first.port());
                connection.createStatement().execute("create table shared (name text); insert into shared values ('one')");
            }

            try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), "postgres", "");
                 ResultSet rows = connection.createStatement().executeQuery("select name from shared")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("one");
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
