package com.calcomalt.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side on its own: projectors into the cal.com tables, the query API and replay. */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
