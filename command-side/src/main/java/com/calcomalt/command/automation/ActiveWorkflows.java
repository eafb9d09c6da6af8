package com.calcomalt.command.automation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a workflow is active on an event type, from command_side.workflows and the event type's
 * lookups: on it or its managed parent (WorkflowsOnEventTypes), on its team or the team's
 * organization (WorkflowsOnTeams), or active on all of its owner's event types (a user's, a team's,
 * or an organization's teams'). The planner asks it when planning, a due reminder before it is sent.
 */
@Component
class ActiveWorkflows {

    /** Selects workflow_id, trigger, time, time_unit and steps of the workflows active on event type ?. */
    static final String ON_EVENT_TYPE = """
            with et as (
                select e.event_type_id, e.user_id, e.team_id, e.parent_id, t.parent_id as org_id
                from command_side.event_types e
                left join command_side.team_registry t on t.team_id = e.team_id
                where e.event_type_id = ?)
            select w.workflow_id, w.trigger, w.time, w.time_unit, w.steps::text
            from command_side.workflows w, et
            where (et.event_type_id = any(w.event_type_ids)
                   or et.parent_id = any(w.event_type_ids)
                   or et.team_id = any(w.team_ids)
                   or (w.is_active_on_all and w.team_id is null and et.team_id is null and w.user_id = et.user_id)
                   or (w.is_active_on_all and w.team_id = et.team_id)
                   or (w.is_active_on_all and w.team_id = et.org_id))
            """;

    private final JdbcTemplate jdbc;

    ActiveWorkflows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isActive(int workflowId, Integer eventTypeId) {
        return eventTypeId != null && !jdbc.queryForList(ON_EVENT_TYPE + " and w.workflow_id = ?",
                eventTypeId, workflowId).isEmpty();
    }
}
