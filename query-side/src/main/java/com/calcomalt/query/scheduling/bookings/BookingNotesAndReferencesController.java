package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingInternalNoteView;
import com.calcomalt.contracts.scheduling.BookingInternalNotes;
import com.calcomalt.contracts.scheduling.BookingReferenceView;
import com.calcomalt.contracts.scheduling.BookingReferences;
import com.calcomalt.contracts.scheduling.FindBookingInternalNotes;
import com.calcomalt.contracts.scheduling.FindBookingReferences;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.CalApiVersion;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the host side keeps on a booking, its internal notes and references; others are told there is no booking. */
@RestController
@CalApiVersion(CalApiVersion.BOOKINGS)
@Tag(name = "Bookings")
class BookingNotesAndReferencesController {

    private final QueryGateway queries;

    BookingNotesAndReferencesController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/v2/bookings/{uid}/notes")
    @Operation(summary = "A booking's internal notes, oldest first (never shown to attendees)")
    ApiResponse<List<BookingInternalNoteView>> notes(@PathVariable String uid) {
        return ApiResponse.success(queries.query(new FindBookingInternalNotes(uid, Callers.required()),
                        ResponseTypes.optionalInstanceOf(BookingInternalNotes.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No booking with uid " + uid)).notes());
    }

    @GetMapping("/v2/bookings/{uid}/references")
    @Operation(summary = "A booking's calendar events and video meetings, those not deleted",
            description = "type keeps those of one kind, such as google_calendar or daily_video.")
    ApiResponse<List<BookingReferenceView>> references(@PathVariable String uid,
                                                       @RequestParam(required = false) @Size(max = 100) String type) {
        String kind = type == null || type.isBlank() ? null : type.trim();
        return ApiResponse.success(queries.query(new FindBookingReferences(uid, kind, Callers.required()),
                        ResponseTypes.optionalInstanceOf(BookingReferences.class)).join()
                .orElseThrow(() -> new ResourceNotFound("No booking with uid " + uid)).references());
    }
}
