package com.calcomalt.query.scheduling;

import com.calcomalt.contracts.scheduling.EventTypeCustomInputType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of cal.com's {@code EventTypeCustomInput} table. */
@Entity
@Table(name = "EventTypeCustomInput")
class EventTypeCustomInputRow {

    @Id
    int id;
    int eventTypeId;
    String label;
    boolean required;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    EventTypeCustomInputType type;
    String placeholder = "";
    @JdbcTypeCode(SqlTypes.JSON)
    List<Map<String, Object>> options;

    protected EventTypeCustomInputRow() {
        // for JPA
    }
}
