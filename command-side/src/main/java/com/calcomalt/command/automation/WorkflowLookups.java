package com.calcomalt.command.automation;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the command side's workflow lookup (command_side.workflows), in the command's transaction. */
@Component
public class WorkflowLookups {

    private final JdbcTemplate jdbc;

    public WorkflowLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record WorkflowOwner(int workflowId, Integer userId, Integer teamId) {
    }

    public Optional<WorkflowOwner> owner(int workflowId) {
        return jdbc.query("select workflow_id, user_id, team_id from command_side.workflows where workflow_id = ?",
                (rs, i) -> new WorkflowOwner(rs.getInt(1), (Integer) rs.getObject(2), (Integer) rs.getObject(3)),
                workflowId).stream().findFirst();
    }
}
