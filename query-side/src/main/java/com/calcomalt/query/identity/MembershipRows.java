package com.calcomalt.query.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MembershipRows extends JpaRepository<MembershipRow, Integer> {

    List<MembershipRow> findByTeamIdOrderById(int teamId);

    @Query("select m.teamId from MembershipRow m where m.userId = ?1")
    List<Integer> teamIdsOf(int userId);
}
