package com.calcomalt.allinone.importing;

import com.calcomalt.platform.secrets.SecretBox;
import com.calcomalt.query.replay.ProjectionReplay;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import --from URL --user U [--password P] [--dry-run] [--skip-rule-breaking | --import-rule-breaking]
 * [--report FILE]}: imports a
 * cal.com database into this system's database (the usual {@code spring.datasource.*}), waits for the
 * projections, then compares. {@code compare --from URL --user U [--password P] --to URL --to-user U
 * [--to-password P]}: the compare alone, between any two databases with cal.com's schema.
 */
public final class ImportCommandLine {

    private ImportCommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("import") || args[0].equals("compare"));
    }

    /** @return the exit code: 0 when every compared table is equal (reported rows aside) */
    public static int run(Class<?> application, String[] args, PrintStream out) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("skip-rule-breaking") && options.containsKey("import-rule-breaking")) {
            out.println("--skip-rule-breaking and --import-rule-breaking exclude each other: choose one.");
            return 2;
        }
        if (args[0].equals("compare")) {
            try (Connection source = connect(options, "from", "user", "password");
                 Connection target = connect(options, "to", "to-user", "to-password")) {
                SecretBox secrets = SecretBox.withKey(setting("CALALT_SECRETS_ENCRYPTION_KEY") == null
                        ? SecretBox.DEVELOPMENT_KEY : setting("CALALT_SECRETS_ENCRYPTION_KEY"));
                List<TableCompare.Sealed> sealed = new java.util.ArrayList<>(CredentialImport.sealedKeys(
                        setting("CALENDSO_ENCRYPTION_KEY"), secrets));
                sealed.addAll(DelegationCredentialImport.sealedKeys(setting("CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY"),
                        secrets));
                return print(TableCompare.compare(source, target, sealed), List.of(), out);
            }
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(passThrough(args));
             Connection source = connect(options, "from", "user", "password")) {
            Path report = Path.of(options.getOrDefault("report", "import-report.tsv"));
            CalcomImport.RuleBreaking ruleBreaking = options.containsKey("import-rule-breaking")
                    ? CalcomImport.RuleBreaking.IMPORT : options.containsKey("skip-rule-breaking")
                    ? CalcomImport.RuleBreaking.SKIP : CalcomImport.RuleBreaking.REFUSE;
            CalcomImport.Outcome outcome = context.getBean(CalcomImport.class).run(source,
                    options.containsKey("dry-run"), ruleBreaking, report, out);
            if (!outcome.written()) {
                return 0;
            }
            awaitProjections(context.getBean(ProjectionReplay.class), out);
            try (Connection target = context.getBean(DataSource.class).getConnection()) {
                List<CalcomImport.RuleBreak> leftOut = new java.util.ArrayList<>(outcome.ruleBreaks());
                leftOut.addAll(outcome.deferred());
                List<TableCompare.Sealed> sealed = new java.util.ArrayList<>(
                        context.getBean(CredentialImport.class).sealedKeys());
                sealed.addAll(context.getBean(DelegationCredentialImport.class).sealedKeys());
                return print(TableCompare.compare(source, target, sealed), leftOut, out);
            }
        } catch (CalcomImport.EventStoreNotEmpty | CalcomImport.RuleBreakingRows refused) {
            out.println(refused.getMessage());
            return 2;
        }
    }

    /** Differences of reported rows that were skipped are expected; any other one fails the run. */
    static int print(List<TableCompare.TableResult> results, List<CalcomImport.RuleBreak> reported, PrintStream out) {
        int unexpected = 0;
        for (TableCompare.TableResult result : results) {
            List<TableCompare.Difference> others = result.differences().stream()
                    .filter(d -> reported.stream().noneMatch(r -> r.table().equals(
                            TableCompare.ROWS_OF.getOrDefault(d.table(), d.table())) && r.id().equals(d.id())))
                    .toList();
            out.printf("%-14s source %d rows, target %d rows, %d differences (%d of reported rows)%n",
                    result.table(), result.sourceRows(), result.targetRows(), others.size(),
                    result.differences().size() - others.size());
            others.forEach(d -> out.println("  " + d));
            unexpected += others.size();
        }
        return unexpected == 0 ? 0 : 1;
    }

    /** A key the compare alone reads as the import would: a system property, else the environment. */
    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }

    static void awaitProjections(ProjectionReplay projections, PrintStream out) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(30));
        while (!projections.status().processors().stream().allMatch(ProjectionReplay.ProcessorStatus::caughtUp)) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("The projections did not catch up within 30 minutes");
            }
            Thread.sleep(200);
        }
        out.println("projections caught up");
    }

    private static Connection connect(Map<String, String> options, String url, String user, String password)
            throws Exception {
        if (!options.containsKey(url)) {
            throw new IllegalArgumentException("--" + url + " jdbc:postgresql://... is required");
        }
        return DriverManager.getConnection(options.get(url), options.get(user), options.get(password));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || args[i].startsWith("--spring.")) {
                continue;
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "");
            }
        }
        return options;
    }

    /** Spring's own options (the target database) go to Spring; the import's are ours. */
    private static String[] passThrough(String[] args) {
        // No bootstrap administrator: its events would make the event store non-empty. No common out-of-office
        // reasons either: the installation brings its own, under its own ids. The registries take each batch of the
        // import in one unit of work, which on a busy machine may run past Axon's 60 s for one; an hour is left
        // before a batch counts as stuck.
        return java.util.stream.Stream.concat(java.util.Arrays.stream(args).filter(a -> a.startsWith("--spring.")),
                java.util.stream.Stream.of("--calalt.bootstrap-api-key=",
                        "--calalt.out-of-office.seed-common-reasons=false",
                        "--axon.timeout.transaction.event-processor[identity-registry].timeout-ms=3600000",
                        "--axon.timeout.transaction.event-processor[identity-registry].warning-threshold-ms=60000"))
                .toArray(String[]::new);
    }
}
