package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.scheduling.BookingStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of cal.com's {@code Booking} table, every column; fields start at the column defaults.
 * Updates write only the changed columns: the database nulls {@code eventTypeId} by itself when an
 * event type is deleted, and a row loaded earlier in the batch must not write the old value back.
 */
@Entity
@Table(name = "Booking")
@DynamicUpdate
class BookingRow {

    @Id
    int id;
    String uid;
    Integer userId;
    Integer eventTypeId;
    String title;
    String description;
    Instant startTime;
    Instant endTime;
    Instant createdAt;
    Instant updatedAt;
    String location;
    boolean paid = false;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    BookingStatus status = BookingStatus.accepted;
    String cancellationReason;
    String rejectionReason;
    String fromReschedule;
    Boolean rescheduled;
    String dynamicEventSlugRef;
    String dynamicGroupSlugRef;
    String recurringEventId;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> customInputs;
    String smsReminderNumber;
    Integer destinationCalendarId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    List<String> scheduledJobs;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> metadata;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> responses;
    boolean isRecorded = false;
    int iCalSequence = 0;
    String iCalUID = "";
    String userPrimaryEmail;
    String idempotencyKey;
    Boolean noShowHost = false;
    Integer rating;
    String ratingFeedback;
    String cancelledBy;
    String rescheduledBy;
    String oneTimePassword;
    String reassignReason;
    Integer reassignById;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    CreationSource creationSource;
    /** Set when an imported event brought the columns no command sets, for the batch to write them. */
    @Transient
    boolean importedColumns;

    protected BookingRow() {
        // for JPA
    }
}
