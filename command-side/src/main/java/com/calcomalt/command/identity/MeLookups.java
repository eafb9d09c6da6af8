package com.calcomalt.command.identity;

import com.calcomalt.contracts.identity.UserView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a PATCH /v2/me answer needs and the User aggregate does not hold: the default schedule (a
 * Schedule's event) and the organization (a Membership's). Both come from the command side's lookup
 * tables, which the append transaction keeps, so the answer is current without waiting for the
 * query side.
 */
@Component
class MeLookups {

    private final JdbcTemplate jdbc;

    MeLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    UserView placed(UserView user) {
        Integer defaultScheduleId = jdbc.query(
                "select default_schedule_id from command_side.user_registry where user_id = ?",
                rs -> rs.next() ? (Integer) rs.getObject(1) : null, user.id());
        Integer organizationId = jdbc.query(
                "select org_id from command_side.org_usernames where user_id = ? order by org_id limit 1",
                rs -> rs.next() ? rs.getInt(1) : null, user.id());
        return user.placed(defaultScheduleId, organizationId);
    }
}
