package com.calcomalt.command.scheduling;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.scheduling.ReleaseSlot;
import com.calcomalt.contracts.scheduling.ReserveSlot;
import com.calcomalt.platform.domain.NotFound;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ApiStatus;
import com.calcomalt.platform.web.CalApiVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Holding a slot while a booker fills in the form, as cal.com API v2's slot reservations. */
@RestController
@CalApiVersion(CalApiVersion.SLOTS)
@Tag(name = "Slots")
class SlotReservationController {

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final SchedulingLookups lookups;
    private final Clock clock;

    SlotReservationController(CommandGateway commands, IdAllocator ids, SchedulingLookups lookups, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.lookups = lookups;
        this.clock = clock;
    }

    /** Durations in minutes: the slot's defaults to the event type's length, the hold to cal.com's 5. */
    record ReserveInput(@NotNull @Positive Integer eventTypeId, @NotNull Instant slotStart,
                        @Min(1) @Max(1440) Integer slotDuration, @Min(1) @Max(15) Integer reservationDuration,
                        Boolean isSeat) {
    }

    /** cal.com's ReserveSlotOutput_2024_09_04. */
    record Reservation(String reservationUid, int eventTypeId, Instant slotStart, Instant slotEnd, int slotDuration,
                       int reservationDuration, Instant reservationUntil) {
    }

    @PostMapping("/v2/slots/reservations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hold a slot of an event type for a few minutes")
    ResponseEntity<ApiResponse<Reservation>> reserve(@Valid @RequestBody ReserveInput input) {
        int length = input.slotDuration() != null ? input.slotDuration()
                : lookups.eventType(input.eventTypeId()).map(SchedulingLookups.EventTypeRecord::length)
                        .orElseThrow(() -> new NotFound("No event type " + input.eventTypeId()));
        int minutes = input.reservationDuration() == null ? 5 : input.reservationDuration();
        String uid = Ids.text();
        Instant slotEnd = input.slotStart().plus(Duration.ofMinutes(length));
        commands.sendAndWait(new ReserveSlot(uid, ids.next("SelectedSlots"), input.eventTypeId(), input.slotStart(),
                slotEnd, minutes, Boolean.TRUE.equals(input.isSeat())));
        return ResponseEntity.created(URI.create("/v2/slots/reservations/" + uid)).body(ApiResponse.success(
                new Reservation(uid, input.eventTypeId(), input.slotStart(), slotEnd, length, minutes,
                        clock.instant().plus(Duration.ofMinutes(minutes)))));
    }

    @DeleteMapping("/v2/slots/reservations/{uid}")
    @Operation(summary = "Release a held slot")
    ApiStatus release(@PathVariable String uid) {
        commands.sendAndWait(new ReleaseSlot(uid));
        return ApiStatus.success();
    }
}
