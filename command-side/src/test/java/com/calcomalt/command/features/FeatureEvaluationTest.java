package com.calcomalt.command.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.features.FeatureEvaluation;
import com.calcomalt.contracts.features.FeatureEvaluation.TeamStanding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every branch of the one rule that says who has a flag. */
class FeatureEvaluationTest {

    private static final TeamStanding NOTHING = new TeamStanding(null, null);
    private static final TeamStanding GRANTED = new TeamStanding(true, null);
    private static final TeamStanding REFUSED = new TeamStanding(false, null);
    private static final TeamStanding INHERITS_GRANT = new TeamStanding(null, true);
    private static final TeamStanding INHERITS_REFUSAL = new TeamStanding(null, false);
    private static final TeamStanding REFUSES_ORGANIZATIONS_GRANT = new TeamStanding(false, true);
    private static final TeamStanding GRANTS_AGAINST_ORGANIZATION = new TeamStanding(true, false);

    @Test
    void a_flag_that_does_not_exist_is_off_for_every_team_and_user() {
        assertThat(FeatureEvaluation.teamHas(null, GRANTED)).isFalse();
        assertThat(FeatureEvaluation.userHas(null, true, List.of(GRANTED))).isFalse();
    }

    @Test
    void a_flag_off_globally_is_off_whatever_is_assigned() {
        assertThat(FeatureEvaluation.teamHas(false, GRANTED)).isFalse();
        assertThat(FeatureEvaluation.teamHas(false, INHERITS_GRANT)).isFalse();
        assertThat(FeatureEvaluation.userHas(false, true, List.of())).isFalse();
        assertThat(FeatureEvaluation.userHas(false, null, List.of(GRANTED))).isFalse();
    }

    @Test
    void a_flag_on_globally_but_assigned_to_nobody_is_off() {
        assertThat(FeatureEvaluation.teamHas(true, NOTHING)).isFalse();
        assertThat(FeatureEvaluation.userHas(true, null, List.of())).isFalse();
        assertThat(FeatureEvaluation.userHas(true, null, List.of(NOTHING))).isFalse();
    }

    @Test
    void a_team_has_what_its_own_row_grants_and_not_what_it_refuses() {
        assertThat(FeatureEvaluation.teamHas(true, GRANTED)).isTrue();
        assertThat(FeatureEvaluation.teamHas(true, REFUSED)).isFalse();
    }

    @Test
    void a_team_without_a_row_inherits_its_organizations_grant_or_refusal() {
        assertThat(FeatureEvaluation.teamHas(true, INHERITS_GRANT)).isTrue();
        assertThat(FeatureEvaluation.teamHas(true, INHERITS_REFUSAL)).isFalse();
    }

    @Test
    void a_teams_own_row_wins_over_its_organizations() {
        assertThat(FeatureEvaluation.teamHas(true, REFUSES_ORGANIZATIONS_GRANT)).isFalse();
        assertThat(FeatureEvaluation.teamHas(true, GRANTS_AGAINST_ORGANIZATION)).isTrue();
    }

    @Test
    void a_users_own_row_wins_over_every_team() {
        assertThat(FeatureEvaluation.userHas(true, true, List.of())).isTrue();
        assertThat(FeatureEvaluation.userHas(true, true, List.of(REFUSED))).isTrue();
        assertThat(FeatureEvaluation.userHas(true, false, List.of(GRANTED, INHERITS_GRANT))).isFalse();
    }

    @Test
    void a_user_without_a_row_has_it_when_any_of_their_teams_has_it() {
        assertThat(FeatureEvaluation.userHas(true, null, List.of(NOTHING, GRANTED))).isTrue();
        assertThat(FeatureEvaluation.userHas(true, null, List.of(INHERITS_GRANT))).isTrue();
        assertThat(FeatureEvaluation.userHas(true, null, List.of(REFUSED, INHERITS_REFUSAL, NOTHING))).isFalse();
    }

    @Test
    void a_user_whose_only_team_refuses_its_organizations_grant_does_not_have_it() {
        assertThat(FeatureEvaluation.userHas(true, null, List.of(REFUSES_ORGANIZATIONS_GRANT))).isFalse();
    }
}
