package com.calcomalt.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side on its own: command API, aggregates and the event store, no projections. */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
