package com.calcomalt.query.scheduling;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventTypeRows extends JpaRepository<EventTypeRow, Integer> {

    List<EventTypeRow> findByUserIdOrderByPositionDescIdAsc(int userId);

    List<EventTypeRow> findByTeamIdOrderByPositionDescIdAsc(int teamId);
}
