package com.calcomalt.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.automation.ScheduleWorkflowReminder;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowReminderIds;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A planned reminder is a row in the durable scheduler: it is sent after a restart, once. */
class ReminderRestartTest {

    @Test
    void a_reminder_due_while_the_process_is_down_is_sent_once_after_the_restart(@TempDir Path dataDirectory)
            throws Exception {
        String[] args = {
                "--calalt.embedded-postgres.mode=persistent",
                "--calalt.embedded-postgres.data-directory=" + dataDirectory.resolve("postgres"),
                "--calalt.embedded-postgres.port=" + freePort(),
                "--server.port=0",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMailServer.port()};
        String to = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String bookingUid = "restart-" + UUID.randomUUID();
        int workflowId = 900_001;
        int stepId = 900_002;
        String uuid = WorkflowReminderIds.uuid(bookingUid, stepId, null);

        try (ConfigurableApplicationContext first = SpringApplication.run(AllInOneApplication.class, args)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            Instant due = Instant.now().plusSeconds(2);
            // the planner's view of a workflow and of what it planned, as a booking event would leave them
            jdbc.update("""
                    insert into command_side.workflows (workflow_id, user_id, trigger, is_active_on_all, steps)
                    values (?, 1, 'NEW_EVENT', false, ?::jsonb)""", workflowId, """
                    [{"id": %d, "stepNumber": 1, "settings": {"action": "EMAIL_ADDRESS", "template": "CUSTOM",
                      "reminderBody": "Still here: {EVENT_NAME}", "emailSubject": "After the restart",
                      "sendTo": "%s", "includeCalendarEvent": false}}]""".formatted(stepId, to));
            jdbc.update("""
                    insert into automation.planned_reminders (task_instance, kind, reminder_key, booking_uid,
                        workflow_id, workflow_step_id) values (?, 'WORKFLOW', ?, ?, ?, ?)""",
                    uuid, uuid, bookingUid, workflowId, stepId);
            first.getBean(CommandGateway.class).sendAndWait(new ScheduleWorkflowReminder(uuid, 900_003, workflowId,
                    stepId, WorkflowTriggerEvents.NEW_EVENT, WorkflowActions.EMAIL_ADDRESS, due, null,
                    new ReminderBooking(bookingUid, 900_004, null, "Planning", null, due.plus(Duration.ofDays(1)),
                            due.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)), null, "Hanna", "hanna@example.com",
                            "UTC", List.of(), null, null), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            first.getBean(SchedulerClient.class).schedule(new TaskInstance<>("workflow-reminder", uuid), due);
        }
        Thread.sleep(2_500);
        assertThat(TestMailServer.to(to)).as("nothing is sent while the process is down").isEmpty();

        try (ConfigurableApplicationContext second = SpringApplication.run(AllInOneApplication.class, args)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> TestMailServer.to(to).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from scheduler.scheduled_tasks where task_instance = ?", Integer.class, uuid) == 0);
            assertThat(TestMailServer.to(to).get(0).getSubject()).isEqualTo("After the restart");
            assertThat(jdbc.queryForList("""
                    select payload_type from eventstore.domain_event_entry where aggregate_identifier = ?
                    order by sequence_number""", String.class, WorkflowReminderIds.aggregateId(uuid)))
                    .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                    .containsExactly("WorkflowReminderScheduled", "WorkflowReminderSendAttempted", "WorkflowReminderSent");
        }
        assertThat(TestMailServer.to(to)).as("once").hasSize(1);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
