package com.calcomalt.query.scheduling;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AvailabilityRows extends JpaRepository<AvailabilityRow, Integer> {

    List<AvailabilityRow> findByScheduleIdInOrderById(Collection<Integer> scheduleIds);
}
