package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.integer;
import static com.calcomalt.allinone.importing.SectionRows.maxId;

import com.calcomalt.allinone.importing.CalcomImport.RuleBreak;
import com.calcomalt.command.automation.WorkflowRules;
import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowActivation;
import com.calcomalt.contracts.automation.WorkflowActivationSet;
import com.calcomalt.contracts.automation.WorkflowColumnsImported;
import com.calcomalt.contracts.automation.WorkflowCreated;
import com.calcomalt.contracts.automation.WorkflowIds;
import com.calcomalt.contracts.automation.WorkflowSettings;
import com.calcomalt.contracts.automation.WorkflowStepAdded;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.automation.WorkflowTemplates;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import com.calcomalt.platform.domain.DomainRuleViolation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * cal.com's workflows with their steps and where they are active. An activation on an event type waits until
 * its event type is imported; routing-form workflows belong to nothing we model. cal.com keeps no creation
 * time of a workflow, so its owner's registration stands in (a team's workflow: the epoch).
 */
@Component
@Order(60)
class WorkflowImport implements ImportSection {

    private record Owner(Integer userId, Integer teamId, Instant at, int position,
                         List<WorkflowColumnsImported.StepColumns> steps) {
    }

    @Override
    public Result read(Connection source, Imported imported) throws SQLException {
        List<RuleBreak> breaks = new ArrayList<>();
        List<RuleBreak> deferred = new ArrayList<>();
        Map<Integer, Owner> workflows = new LinkedHashMap<>();
        Map<Integer, List<Pending>> byWorkflow = new LinkedHashMap<>();
        each(source, """
                select id, name, "userId", "teamId", trigger::text, time, "timeUnit"::text, "isActiveOnAll",
                       type::text, position
                from "Workflow" order by id""", row -> {
            int id = row.getInt("id");
            Integer userId = integer(row, "userId");
            Integer teamId = integer(row, "teamId");
            if (!"EVENT_TYPE".equals(row.getString("type"))) {
                deferred.add(new RuleBreak("Workflow", id, "a " + row.getString("type")
                        + " workflow; routing forms are not modelled"));
                return;
            }
            if ((userId == null) == (teamId == null)) {
                breaks.add(new RuleBreak("Workflow", id, "belongs to a user or a team, not to both or neither"));
                return;
            }
            if ((userId != null && !imported.userRegisteredAt().containsKey(userId))
                    || (teamId != null && !imported.teamIds().contains(teamId))) {
                breaks.add(new RuleBreak("Workflow", id, "user " + userId + " or team " + teamId
                        + " is not imported"));
                return;
            }
            Instant at = userId != null ? imported.userRegisteredAt().get(userId) : Instant.EPOCH;
            String unit = row.getString("timeUnit");
            WorkflowSettings settings = new WorkflowSettings(row.getString("name"),
                    WorkflowTriggerEvents.valueOf(row.getString("trigger")), integer(row, "time"),
                    unit == null ? null : TimeUnit.valueOf(unit), row.getBoolean("isActiveOnAll"));
            try {
                WorkflowRules.require(settings);
            } catch (DomainRuleViolation refused) {
                breaks.add(new RuleBreak("Workflow", id, refused.getMessage()));
                return;
            }
            workflows.put(id, new Owner(userId, teamId, at, row.getInt("position"), new ArrayList<>()));
            byWorkflow.computeIfAbsent(id, w -> new ArrayList<>()).add(new Pending("Workflow",
                    WorkflowIds.aggregateId(id), new WorkflowCreated(id, userId, teamId, settings), at));
        });
        int[] steps = {0};
        each(source, """
                select id, "workflowId", "stepNumber", action::text, template::text, "reminderBody", "emailSubject",
                       "sendTo", "numberRequired", sender, "includeCalendarEvent", "verifiedAt",
                       "numberVerificationPending", "agentId", "inboundAgentId"
                from "WorkflowStep" order by "workflowId", "stepNumber", id""", row -> {
            int id = row.getInt("id");
            int workflowId = row.getInt("workflowId");
            Owner owner = workflows.get(workflowId);
            if (owner == null) {
                left(breaks, deferred, "WorkflowStep", id, workflowId);
                return;
            }
            WorkflowStepSettings settings = new WorkflowStepSettings(WorkflowActions.valueOf(row.getString("action")),
                    WorkflowTemplates.valueOf(row.getString("template")), row.getString("reminderBody"),
                    row.getString("emailSubject"), row.getString("sendTo"),
                    (Boolean) row.getObject("numberRequired"), row.getString("sender"),
                    row.getBoolean("includeCalendarEvent"));
            try {
                // The rules clear a sendTo the action does not use; cal.com's row keeping one is reported, not bent.
                if (!WorkflowRules.require(settings).equals(settings)) {
                    breaks.add(new RuleBreak("WorkflowStep", id, settings.action() + " keeps no sendTo"));
                    return;
                }
            } catch (DomainRuleViolation refused) {
                breaks.add(new RuleBreak("WorkflowStep", id, refused.getMessage()));
                return;
            }
            byWorkflow.get(workflowId).add(new Pending("Workflow", WorkflowIds.aggregateId(workflowId),
                    new WorkflowStepAdded(workflowId, id, row.getInt("stepNumber"), settings,
                            instant(row.getTimestamp("verifiedAt"))), owner.at()));
            owner.steps().add(new WorkflowColumnsImported.StepColumns(id, row.getBoolean("numberVerificationPending"),
                    row.getString("agentId"), row.getString("inboundAgentId")));
            steps[0]++;
        });
        Map<Integer, List<WorkflowActivation>> teams = new HashMap<>();
        Map<Integer, List<WorkflowActivation>> eventTypes = new HashMap<>();
        each(source, "select id, \"workflowId\", \"teamId\" from \"WorkflowsOnTeams\" order by id", row -> {
            int id = row.getInt("id");
            int workflowId = row.getInt("workflowId");
            int teamId = row.getInt("teamId");
            if (!workflows.containsKey(workflowId)) {
                left(breaks, deferred, "WorkflowsOnTeams", id, workflowId);
            } else if (!imported.teamIds().contains(teamId)) {
                breaks.add(new RuleBreak("WorkflowsOnTeams", id, "team " + teamId + " is not imported"));
            } else {
                teams.computeIfAbsent(workflowId, w -> new ArrayList<>()).add(new WorkflowActivation(id, teamId));
            }
        });
        each(source, "select id, \"workflowId\", \"eventTypeId\" from \"WorkflowsOnEventTypes\" order by id", row -> {
            int id = row.getInt("id");
            int workflowId = row.getInt("workflowId");
            int eventTypeId = row.getInt("eventTypeId");
            if (!workflows.containsKey(workflowId)) {
                left(breaks, deferred, "WorkflowsOnEventTypes", id, workflowId);
            } else if (!imported.eventTypeIds().contains(eventTypeId)) {
                deferred.add(new RuleBreak("WorkflowsOnEventTypes", id, "event type " + eventTypeId + " (EventType)"));
            } else {
                eventTypes.computeIfAbsent(workflowId, w -> new ArrayList<>())
                        .add(new WorkflowActivation(id, eventTypeId));
            }
        });
        List<Pending> events = new ArrayList<>();
        int[] activations = {0, 0};
        byWorkflow.forEach((workflowId, pending) -> {
            events.addAll(pending);
            Owner workflow = workflows.get(workflowId);
            events.add(new Pending("Workflow", WorkflowIds.aggregateId(workflowId), new WorkflowColumnsImported(
                    workflowId, workflow.position(), workflow.steps()), workflow.at()));
            List<WorkflowActivation> onTeams = teams.getOrDefault(workflowId, List.of());
            List<WorkflowActivation> onEventTypes = eventTypes.getOrDefault(workflowId, List.of());
            if (!onTeams.isEmpty() || !onEventTypes.isEmpty()) {
                Owner owner = workflows.get(workflowId);
                events.add(new Pending("Workflow", WorkflowIds.aggregateId(workflowId), new WorkflowActivationSet(
                        workflowId, owner.userId(), owner.teamId(), onEventTypes, onTeams), owner.at()));
                activations[0] += onTeams.size();
                activations[1] += onEventTypes.size();
            }
        });
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("Workflow", workflows.size());
        rows.put("WorkflowStep", steps[0]);
        rows.put("WorkflowsOnTeams", activations[0]);
        rows.put("WorkflowsOnEventTypes", activations[1]);
        Map<String, Integer> maxIds = new HashMap<>();
        for (String table : rows.keySet()) {
            maxIds.put(table, maxId(source, table));
        }
        return new Result(rows, events, breaks, deferred, maxIds);
    }

    /** A row of a workflow left out goes with it, into the same list. */
    private static void left(List<RuleBreak> breaks, List<RuleBreak> deferred, String table, int id, int workflowId) {
        String key = String.valueOf(workflowId);
        if (deferred.stream().anyMatch(d -> d.table().equals("Workflow") && d.id().equals(key))) {
            deferred.add(new RuleBreak(table, id, "workflow " + workflowId + " is not imported"));
        } else {
            breaks.add(new RuleBreak(table, id, "workflow " + workflowId + " is not imported"));
        }
    }
}
