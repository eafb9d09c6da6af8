package com.calcomalt.query.scheduling;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomInputRows extends JpaRepository<EventTypeCustomInputRow, Integer> {

    List<EventTypeCustomInputRow> findByEventTypeIdOrderById(int eventTypeId);
}
