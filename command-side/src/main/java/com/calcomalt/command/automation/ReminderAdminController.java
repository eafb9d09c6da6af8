package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.RetryWorkflowReminder;
import com.calcomalt.platform.web.ApiResponse;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator's second try of a reminder that failed, or whose send was cut off with no outcome
 * (system administrators only, as all of {@code /v2/admin}). Whether such a reminder went out
 * (the mail server's log) is for the operator to judge first: the system never resends on its own.
 */
@RestController
@Tag(name = "Workflows")
class ReminderAdminController {

    private final CommandGateway commands;
    private final SchedulerClient scheduler;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReminderAdminController(CommandGateway commands, SchedulerClient scheduler, TransactionTemplate transaction,
                            Clock clock) {
        this.commands = commands;
        this.scheduler = scheduler;
        this.transaction = transaction;
        this.clock = clock;
    }

    record Retried(String uuid, Instant scheduledDate) {
    }

    /** The retry's event and its task commit together. */
    @PostMapping("/v2/admin/workflow-reminders/{uuid}/retry")
    @Operation(summary = "Send a failed or unfinished workflow reminder again, now")
    ApiResponse<Retried> retry(@PathVariable String uuid) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(new RetryWorkflowReminder(uuid, now));
            scheduler.scheduleIfNotExists(WorkflowReminderTask.instance(uuid), now);
        });
        return ApiResponse.success(new Retried(uuid, now));
    }
}
