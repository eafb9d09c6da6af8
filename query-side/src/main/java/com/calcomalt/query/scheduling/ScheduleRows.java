package com.calcomalt.query.scheduling;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScheduleRows extends JpaRepository<ScheduleRow, Integer> {

    List<ScheduleRow> findByUserIdOrderById(int userId);
}
