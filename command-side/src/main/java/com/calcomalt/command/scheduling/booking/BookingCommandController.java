package com.calcomalt.command.scheduling.booking;

import com.calcomalt.command.scheduling.SchedulingLookups;
import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.scheduling.AddBookingInternalNote;
import com.calcomalt.contracts.scheduling.AddBookingReference;
import com.calcomalt.contracts.scheduling.BookingView;
import com.calcomalt.contracts.scheduling.CancelBooking;
import com.calcomalt.contracts.scheduling.CancelSeat;
import com.calcomalt.contracts.scheduling.ConfirmBooking;
import com.calcomalt.contracts.scheduling.DeclineBooking;
import com.calcomalt.contracts.scheduling.MarkBookingAbsence;
import com.calcomalt.contracts.scheduling.RateBooking;
import com.calcomalt.contracts.scheduling.RemoveBookingReference;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.CalApiVersion;
import com.calcomalt.platform.web.InvalidInput;
import com.calcomalt.platform.web.validation.IanaTimeZone;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** cal.com API v2's booking commands; each answers with the booking as it now is. */
@RestController
@CalApiVersion(CalApiVersion.BOOKINGS)
@Tag(name = "Bookings")
class BookingCommandController {

    /** Two requests are the same when their JSON is, whatever the order of its properties. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .findAndAddModules().build();

    private final CommandGateway commands;
    private final BookingDesk desk;
    private final IdAllocator ids;
    private final SchedulingLookups scheduling;

    BookingCommandController(CommandGateway commands, BookingDesk desk, IdAllocator ids,
                             SchedulingLookups scheduling) {
        this.commands = commands;
        this.desk = desk;
        this.ids = ids;
        this.scheduling = scheduling;
    }

    record AttendeeInput(@NotBlank @Size(max = 255) String name, @NotBlank @Email @Size(max = 320) String email,
                         @NotBlank @IanaTimeZone String timeZone, @Size(max = 16) String language,
                         @Size(max = 32) String phoneNumber) {
    }

    /** UTM parameters as the booking page passes them on. */
    record TrackingInput(@JsonProperty("utm_source") @Size(max = 255) String utmSource,
                         @JsonProperty("utm_medium") @Size(max = 255) String utmMedium,
                         @JsonProperty("utm_campaign") @Size(max = 255) String utmCampaign,
                         @JsonProperty("utm_term") @Size(max = 255) String utmTerm,
                         @JsonProperty("utm_content") @Size(max = 255) String utmContent) {
    }

    /**
     * @param eventTypeId             the event type, or else eventTypeSlug with username, or with teamSlug
     *                                (and organizationSlug for a team of an organization), as cal.com
     * @param location                a string, or cal.com's object such as {"type": "address", "address": "..."}
     * @param bookingFieldsResponses  answers to the event type's booking fields; "notes" becomes the description
     */
    record BookingInput(@NotNull Instant start, @Positive Integer eventTypeId,
                        @Size(max = 255) String eventTypeSlug, @Size(max = 255) String username,
                        @Size(max = 255) String teamSlug, @Size(max = 255) String organizationSlug,
                        @Min(1) @Max(1440) Integer lengthInMinutes, @NotNull @Valid AttendeeInput attendee,
                        @Size(max = 30) List<@NotBlank @Email @Size(max = 320) String> guests,
                        @Schema(description = "cal.com's location: a string (kept for backwards compatibility) "
                                + "or one of its location objects", oneOf = {String.class, BookingLocation.Address.class,
                                BookingLocation.AttendeeAddress.class, BookingLocation.AttendeeDefined.class,
                                BookingLocation.AttendeePhone.class, BookingLocation.Integration.class,
                                BookingLocation.Link.class, BookingLocation.Phone.class,
                                BookingLocation.OrganizersDefaultApp.class}) Object location,
                        Map<String, Object> bookingFieldsResponses, Map<String, Object> metadata,
                        @Valid TrackingInput tracking, @Size(max = 64) String reservationUid) {
    }

    /** cal.com's CancelBookingInput_2024_08_13; cancelSubsequentBookings has nothing to do while no booking recurs. */
    record CancelInput(@Size(max = 5000) String cancellationReason, @Size(max = 64) String seatUid,
                       Boolean cancelSubsequentBookings) {
    }

    /**
     * cal.com's RescheduleBookingInput_2024_08_13 (its seated form names seatUid); rescheduledBy is
     * taken as cal.com's clients send it, and the booking records the caller's email, whose key it is.
     */
    record RescheduleInput(@NotNull Instant start, @Min(1) @Max(1440) Integer lengthInMinutes,
                           @Size(max = 5000) String reschedulingReason, @Email @Size(max = 320) String rescheduledBy,
                           @Size(max = 64) String seatUid) {
    }

    record DeclineInput(@Size(max = 5000) String reason) {
    }

    record AbsentAttendee(@NotBlank @Email String email, @NotNull Boolean absent) {
    }

    record AbsenceInput(Boolean host, @Size(max = 100) List<@Valid AbsentAttendee> attendees) {
    }

    record SeatInput(@NotNull @Valid AttendeeInput attendee, Map<String, Object> bookingFieldsResponses,
                     Map<String, Object> metadata) {
    }

    record NoteInput(@NotBlank @Size(max = 10_000) String text) {
    }

    record ReferenceInput(@NotBlank @Size(max = 255) String type, @NotBlank @Size(max = 1024) String uid,
                          @Size(max = 1024) String meetingId, @Size(max = 255) String meetingPassword,
                          @Size(max = 2048) String meetingUrl, @Size(max = 1024) String externalCalendarId,
                          @Positive Integer credentialId, @Size(max = 1024) String thirdPartyRecurringEventId) {
    }

    record RatingInput(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 5000) String comment) {
    }

    /** A booking, and for a seated one the seat the request took. */
    record SeatedBooking(@JsonUnwrapped BookingView booking, String seatUid) {
    }

    record Created(int id) {
    }

    @PostMapping("/v2/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Book a slot of an event type (or a seat of a seated one)",
            description = "With an Idempotency-Key header, repeating the same request gives the same booking;"
                    + " the same key with a different request is refused with 422.")
    ResponseEntity<ApiResponse<SeatedBooking>> book(@Valid @RequestBody BookingInput input,
                                                    @RequestHeader(name = "Idempotency-Key", required = false)
                                                    String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw new InvalidInput("Idempotency-Key", "is 1 to 255 characters");
        }
        Map<String, Object> responses = input.bookingFieldsResponses() == null ? Map.of()
                : input.bookingFieldsResponses();
        AttendeeInput a = input.attendee();
        TrackingInput t = input.tracking();
        BookingDesk.Ask ask = new BookingDesk.Ask(eventTypeOf(input), input.start(), input.lengthInMinutes(),
                new BookingDesk.Person(a.name(), a.email(), a.timeZone(), a.language(), a.phoneNumber()),
                input.guests(), location(input.location()),
                responses.get("notes") instanceof String notes ? notes : null, withoutNotes(responses),
                input.metadata(), t == null ? null : new BookingDesk.Utm(t.utmSource(), t.utmMedium(),
                t.utmCampaign(), t.utmTerm(), t.utmContent()), input.reservationUid());
        BookingDesk.Outcome outcome = desk.book(ask, Callers.required(), idempotencyKey == null ? null
                : new BookingDesk.Idempotency(idempotencyKey, digest(input)));
        ResponseEntity.BodyBuilder response = ResponseEntity.created(
                URI.create("/v2/bookings/" + outcome.booking().uid()));
        if (outcome.repeated()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(ApiResponse.success(new SeatedBooking(outcome.booking(), outcome.seatUid())));
    }

    @PostMapping("/v2/bookings/{uid}/cancel")
    @Operation(summary = "Cancel a booking, or with seatUid give back one seat")
    ApiResponse<BookingView> cancel(@PathVariable String uid, @Valid @RequestBody(required = false) CancelInput input) {
        CancelInput body = input == null ? new CancelInput(null, null, null) : input;
        commands.sendAndWait(body.seatUid() != null ? new CancelSeat(uid, body.seatUid(), body.cancellationReason())
                : new CancelBooking(uid, body.cancellationReason()));
        return ApiResponse.success(desk.view(uid, Callers.required()));
    }

    @PostMapping("/v2/bookings/{uid}/reschedule")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Move a booking to another start: a new booking replaces it")
    ResponseEntity<ApiResponse<BookingView>> reschedule(@PathVariable String uid,
                                                        @Valid @RequestBody RescheduleInput input) {
        if (input.seatUid() != null) {
            throw new InvalidInput("seatUid", "cannot be moved alone here: cancel the seat and book the new start");
        }
        BookingView moved = desk.reschedule(uid, input.start(), input.lengthInMinutes(), input.reschedulingReason());
        return ResponseEntity.created(URI.create("/v2/bookings/" + moved.uid())).body(ApiResponse.success(moved));
    }

    @PostMapping("/v2/bookings/{uid}/confirm")
    @Operation(summary = "Accept a booking that waits for the host's confirmation")
    ApiResponse<BookingView> confirm(@PathVariable String uid) {
        commands.sendAndWait(new ConfirmBooking(uid));
        return ApiResponse.success(desk.view(uid, Callers.required()));
    }

    @PostMapping("/v2/bookings/{uid}/decline")
    @Operation(summary = "Reject a booking that waits for the host's confirmation")
    ApiResponse<BookingView> decline(@PathVariable String uid, @Valid @RequestBody(required = false) DeclineInput input) {
        commands.sendAndWait(new DeclineBooking(uid, input == null ? null : input.reason()));
        return ApiResponse.success(desk.view(uid, Callers.required()));
    }

    @PostMapping("/v2/bookings/{uid}/mark-absent")
    @Operation(summary = "Record that the host or attendees did not come")
    ApiResponse<BookingView> markAbsent(@PathVariable String uid, @Valid @RequestBody AbsenceInput input) {
        Map<String, Boolean> attendees = new LinkedHashMap<>();
        if (input.attendees() != null) {
            input.attendees().forEach(a -> attendees.put(a.email(), a.absent()));
        }
        commands.sendAndWait(new MarkBookingAbsence(uid, input.host(), attendees));
        return ApiResponse.success(desk.view(uid, Callers.required()));
    }

    @PostMapping("/v2/bookings/{uid}/seats")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take a seat of a seated booking")
    ResponseEntity<ApiResponse<SeatedBooking>> bookSeat(@PathVariable String uid, @Valid @RequestBody SeatInput input) {
        BookingView booking = desk.view(uid, Callers.required());
        AttendeeInput a = input.attendee();
        Map<String, Object> responses = input.bookingFieldsResponses() == null ? Map.of()
                : input.bookingFieldsResponses();
        BookingDesk.Ask ask = new BookingDesk.Ask(booking.eventTypeId() == null ? 0 : booking.eventTypeId(),
                booking.start(), booking.duration(), new BookingDesk.Person(a.name(), a.email(), a.timeZone(),
                a.language(), a.phoneNumber()), List.of(), null,
                responses.get("notes") instanceof String notes ? notes : null, withoutNotes(responses),
                input.metadata(), null, null);
        BookingDesk.Outcome outcome = desk.takeSeat(uid, ask);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ApiResponse.success(new SeatedBooking(outcome.booking(), outcome.seatUid())));
    }

    @PostMapping("/v2/bookings/{uid}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Keep an internal note on a booking (never shown to attendees)")
    ResponseEntity<ApiResponse<Created>> addNote(@PathVariable String uid, @Valid @RequestBody NoteInput input) {
        int noteId = ids.next("BookingInternalNote");
        commands.sendAndWait(new AddBookingInternalNote(uid, noteId, input.text()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.success(new Created(noteId)));
    }

    @PostMapping("/v2/bookings/{uid}/references")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link a booking to a calendar event or video meeting an integration made")
    ResponseEntity<ApiResponse<Created>> addReference(@PathVariable String uid,
                                                      @Valid @RequestBody ReferenceInput input) {
        int referenceId = ids.next("BookingReference");
        commands.sendAndWait(new AddBookingReference(uid, referenceId, input.type(), input.uid(), input.meetingId(),
                input.meetingPassword(), input.meetingUrl(), input.externalCalendarId(), input.credentialId(),
                input.thirdPartyRecurringEventId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.success(new Created(referenceId)));
    }

    @DeleteMapping("/v2/bookings/{uid}/references/{referenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a reference deleted")
    void removeReference(@PathVariable String uid, @PathVariable @Positive int referenceId) {
        commands.sendAndWait(new RemoveBookingReference(uid, referenceId));
    }

    @PostMapping("/v2/bookings/{uid}/rating")
    @Operation(summary = "Rate a booking that took place, 1 to 5")
    ApiResponse<BookingView> rate(@PathVariable String uid, @Valid @RequestBody RatingInput input) {
        commands.sendAndWait(new RateBooking(uid, input.rating(), input.comment()));
        return ApiResponse.success(desk.view(uid, Callers.required()));
    }

    private int eventTypeOf(BookingInput input) {
        if (input.eventTypeId() != null) {
            return input.eventTypeId();
        }
        if (input.eventTypeSlug() == null || (input.username() == null) == (input.teamSlug() == null)) {
            throw new InvalidInput("eventTypeId", "or eventTypeSlug with either username or teamSlug is needed");
        }
        return scheduling.eventTypeBySlug(input.eventTypeSlug(), input.username(), input.teamSlug(),
                input.organizationSlug()).orElseThrow(() -> new NotFound("No event type '" + input.eventTypeSlug()
                + "' of " + (input.username() != null ? "user " + input.username() : "team " + input.teamSlug())));
    }

    /** cal.com writes a location object's address, link or phone into Booking.location, else its type. */
    private static String location(Object location) {
        if (location == null || location instanceof String) {
            return (String) location;
        }
        if (location instanceof Map<?, ?> map) {
            for (String key : List.of("address", "link", "phone", "integration", "type")) {
                if (map.get(key) instanceof String value && !value.isBlank()) {
                    return value;
                }
            }
        }
        throw new InvalidInput("location", "is a string or an object with a type");
    }

    private static Map<String, Object> withoutNotes(Map<String, Object> responses) {
        Map<String, Object> rest = new LinkedHashMap<>(responses);
        rest.remove("notes");
        return rest;
    }

    private static String digest(BookingInput input) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(input).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("A request that was read cannot be written again", e);
        }
    }
}
