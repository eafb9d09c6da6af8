package com.calcomalt.apiclient;

import com.calcomalt.command.CommandSideApplication;
import com.calcomalt.query.QuerySideApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The all-in-one, as its launcher puts it together: the all-in-one's jar is repackaged and cannot be a dependency. */
@SpringBootApplication
@Import({CommandSideApplication.class, QuerySideApplication.class})
class ClientTestApplication {
}
