package com.calcomalt.query.replay;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sends a rebuilding processor's writes into its shadow schema. Every transaction it starts puts
 * the shadow schema first on PostgreSQL's search path, so the projectors' unqualified table names
 * ({@code "Booking"}, JPA's entities) reach the shadow copies, while tables of other processors,
 * which the shadow does not have, are still read live. Names the projectors qualify themselves
 * ({@code query_side.booking_listing}) are rewritten by {@link #INSPECTOR}, which Hibernate applies
 * to every statement, native ones included.
 */
final class ShadowWrites implements TransactionManager {

    private static final ThreadLocal<Redirect> CURRENT = new ThreadLocal<>();
    /** Statements are built from a bounded set of shapes; the bound only guards against one that is not. */
    private static final int MAX_REMEMBERED = 10_000;

    /** Installed in Hibernate once (see ReplayConfiguration); a no-op outside a rebuilding processor's transaction. */
    static final StatementInspector INSPECTOR = sql -> {
        Redirect redirect = CURRENT.get();
        return redirect == null ? sql : redirect.rewrite(sql);
    };

    private record Redirect(String shadowSchema, List<Pattern> qualified, Map<String, String> rewritten) {

        /**
         * Each statement's text is rewritten once: a batch sends the same few statements again and again,
         * and the patterns' scan over a long multi-row insert was 4% of a rebuild's projecting thread.
         */
        String rewrite(String sql) {
            String known = rewritten.get(sql);
            if (known != null) {
                return known;
            }
            String result = rewriteNow(sql);
            if (rewritten.size() < MAX_REMEMBERED) {
                rewritten.put(sql, result);
            }
            return result;
        }

        private String rewriteNow(String sql) {
            String rewritten = sql;
            for (Pattern name : qualified) {
                rewritten = name.matcher(rewritten)
                        .replaceAll(Matcher.quoteReplacement(ShadowTables.quote(shadowSchema)) + ".$1");
            }
            return rewritten;
        }
    }

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;
    private final Redirect redirect;

    ShadowWrites(TransactionManager delegate, JdbcTemplate jdbc, String shadowSchema, Collection<ShadowTables.Table> tables) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.redirect = new Redirect(shadowSchema, tables.stream().filter(t -> !"public".equals(t.schema()))
                .map(t -> Pattern.compile("\\b" + Pattern.quote(t.schema()) + "\\.(" + Pattern.quote(t.name()) + ")\\b"))
                .toList(), new ConcurrentHashMap<>());
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        Redirect outer = CURRENT.get();
        try {
            jdbc.execute("set local search_path to " + ShadowTables.quote(redirect.shadowSchema()) + ", public");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        CURRENT.set(redirect);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } finally {
                    restore(outer);
                }
            }

            @Override
            public void rollback() {
                try {
                    transaction.rollback();
                } finally {
                    restore(outer);
                }
            }
        };
    }

    private static void restore(Redirect outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
