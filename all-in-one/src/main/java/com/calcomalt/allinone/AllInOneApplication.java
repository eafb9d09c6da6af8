package com.calcomalt.allinone;

import com.calcomalt.allinone.importing.ImportCommandLine;
import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The whole system in one process: command API, query API and projectors on one database. */
@SpringBootApplication
@Import({CommandSideApplication.class, QuerySideApplication.class})
public class AllInOneApplication {

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        if (ImportCommandLine.handles(args)) {
            System.exit(ImportCommandLine.run(AllInOneApplication.class, args, System.out));
        }
        SpringApplication.run(AllInOneApplication.class, args);
    }
}
