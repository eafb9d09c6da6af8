package com.calcomalt.query.scheduling;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HostRows extends JpaRepository<HostRow, HostRow.Key> {

    List<HostRow> findByEventTypeIdOrderByUserId(int eventTypeId);
}
