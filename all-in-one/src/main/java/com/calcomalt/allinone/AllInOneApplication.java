package com.calcomalt.allinone;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The whole system in one process: command API, query API and projectors on one database. */
@SpringBootApplication
@Import({CommandSideApplication.class, QuerySideApplication.class})
public class AllInOneApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(AllInOneApplication.class, args);
    }
}
