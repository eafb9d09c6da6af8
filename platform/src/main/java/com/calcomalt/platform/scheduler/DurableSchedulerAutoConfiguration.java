package com.calcomalt.platform.scheduler;

import com.calcomalt.platform.operations.OperationsCount;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.calcomalt.platform.config.NodeName;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The durable scheduler every context shares: db-scheduler on the {@code scheduler.scheduled_tasks}
 * table that Flyway creates. Due work is a row, so it survives restarts; a node runs a row only after
 * claiming it, so several nodes run each execution once. A context takes part by declaring a
 * {@link Task} bean and scheduling its instances through {@link com.github.kagkarlsson.scheduler.SchedulerClient}
 * (the {@link Scheduler} bean); scheduling joins the caller's Spring transaction.
 *
 * <p>A process without tasks (the query side alone) runs no scheduler: it would only see executions
 * of tasks it does not know. Replaces the starter's own scheduler bean so that the scheduler starts
 * after Axon and stops before it, and so long before the connection pool and the embedded PostgreSQL.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class},
        beforeName = "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration")
@ConditionalOnBean(Task.class)
@ConditionalOnProperty(prefix = "db-scheduler", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DbSchedulerProperties.class)
public class DurableSchedulerAutoConfiguration {

    private static final String TASKS = "Scheduled executions: due (their time has come, no node picked them yet) "
            + "or failed (their last run threw; db-scheduler tries again later)";

    /** Started and stopped by {@link DurableSchedulerLifecycle}, not by bean creation and destruction. */
    @Bean(destroyMethod = "")
    Scheduler scheduler(DbSchedulerProperties properties, DataSource dataSource, List<Task<?>> tasks,
                        ObjectProvider<StatsRegistry> stats, ObjectProvider<SchedulerListener> listeners,
                        ObjectProvider<ExecutionInterceptor> interceptors, @Value(NodeName.PROPERTY) String nodeName) {
        SchedulerName name = new SchedulerName.Fixed(NodeName.of(nodeName));
        DbSchedulerCustomizer named = new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(name);
            }
        };
        return DbSchedulerConfigurationSupport.buildScheduler(properties, named,
                stats.getIfAvailable(() -> StatsRegistry.NOOP), new SystemClock(), dataSource, tasks,
                listeners.orderedStream().toList(), interceptors.orderedStream().toList());
    }

    @Bean
    DurableSchedulerLifecycle durableSchedulerLifecycle(Scheduler scheduler) {
        return new DurableSchedulerLifecycle(scheduler);
    }

    /** Work whose time has come and that no node has claimed yet: a backlog when it keeps growing. */
    @Bean
    OperationsCount dueScheduledTasks() {
        return OperationsCount.of("schedulerTasks", "due", "calalt.scheduler.tasks",
                TASKS, """
                        select count(*) from scheduler.scheduled_tasks
                        where execution_time <= now() and not picked""").tagged("state", "due");
    }

    @Bean
    OperationsCount failedScheduledTasks() {
        return OperationsCount.of("schedulerTasks", "failed", "calalt.scheduler.tasks",
                TASKS, """
                        select count(*) from scheduler.scheduled_tasks where consecutive_failures > 0""")
                .tagged("state", "failed");
    }
}
