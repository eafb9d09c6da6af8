package com.calcomalt.command.scheduling;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.scheduling.CreateOutOfOffice;
import com.calcomalt.contracts.scheduling.CreateOutOfOfficeReason;
import com.calcomalt.contracts.scheduling.DeleteOutOfOffice;
import com.calcomalt.contracts.scheduling.OutOfOfficeEntryView;
import com.calcomalt.contracts.scheduling.OutOfOfficeReasonName;
import com.calcomalt.contracts.scheduling.UpdateOutOfOffice;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's times out of office, and their own reasons for them. */
@RestController
@Tag(name = "Out of office")
class OutOfOfficeCommandController {

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final SchedulingLookups scheduling;

    OutOfOfficeCommandController(CommandGateway commands, IdAllocator ids, SchedulingLookups scheduling) {
        this.commands = commands;
        this.ids = ids;
        this.scheduling = scheduling;
    }

    /**
     * cal.com's CreateOutOfOfficeEntryDto: start and end are taken as whole UTC days, as cal.com takes
     * them (00:00:00.000 to 23:59:59.999). reason is cal.com's; reasonId (a reason of the user's own)
     * and showNotePublicly are ours. No reason is cal.com's unspecified.
     */
    record CreateInput(@NotNull Instant start, @NotNull Instant end, @Size(max = 2000) String notes,
                       @Positive Integer toUserId, OutOfOfficeReasonName reason, @Positive Integer reasonId,
                       Boolean showNotePublicly) {
    }

    /** cal.com's UpdateOutOfOfficeEntryDto: every field optional, start and end given together. */
    record UpdateInput(Instant start, Instant end, @Size(max = 2000) String notes, @Positive Integer toUserId,
                       OutOfOfficeReasonName reason, @Positive Integer reasonId, Boolean showNotePublicly) {
    }

    record ReasonInput(@NotBlank @Size(max = 16) String emoji, @NotBlank @Size(max = 255) String reason) {
    }

    record Created(int id) {
    }

    @PostMapping("/v2/me/ooo")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Say when the caller is away, optionally sending bookers to someone else")
    ResponseEntity<ApiResponse<OutOfOfficeEntryView>> create(@Valid @RequestBody CreateInput input) {
        int entryId = ids.next("OutOfOfficeEntry");
        String uuid = Ids.text();
        Integer reasonId = reasonId(input.reason() == null && input.reasonId() == null
                ? OutOfOfficeReasonName.unspecified : input.reason(), input.reasonId());
        OutOfOfficeEntryView entry = commands.sendAndWait(new CreateOutOfOffice(entryId, uuid,
                Callers.required().userId(), startOfDay(input.start()), endOfDay(input.end()), reasonId,
                input.toUserId(), input.notes(), input.showNotePublicly()));
        return ResponseEntity.created(URI.create("/v2/me/ooo/" + entryId)).body(answer(entry));
    }

    @PatchMapping("/v2/me/ooo/{entryId}")
    @Operation(summary = "Change a time away")
    ApiResponse<OutOfOfficeEntryView> update(@PathVariable @Positive int entryId,
                                             @Valid @RequestBody UpdateInput input) {
        if ((input.start() == null) != (input.end() == null)) {
            throw new InvalidInput(input.start() == null ? "start" : "end",
                    "is given with " + (input.start() == null ? "end" : "start") + ", as cal.com asks");
        }
        return answer(commands.sendAndWait(new UpdateOutOfOffice(entryId, startOfDay(input.start()),
                endOfDay(input.end()), reasonId(input.reason(), input.reasonId()), input.toUserId(), input.notes(),
                input.showNotePublicly())));
    }

    @DeleteMapping("/v2/me/ooo/{entryId}")
    @Operation(summary = "Delete a time away; answers it as it was, as cal.com")
    ApiResponse<OutOfOfficeEntryView> delete(@PathVariable @Positive int entryId) {
        return answer(commands.sendAndWait(new DeleteOutOfOffice(entryId)));
    }

    @PostMapping("/v2/me/ooo/reasons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a reason of the caller's own")
    ResponseEntity<ApiResponse<Created>> createReason(@Valid @RequestBody ReasonInput input) {
        int reasonId = ids.next("OutOfOfficeReason");
        commands.sendAndWait(new CreateOutOfOfficeReason(reasonId, input.emoji(), input.reason(),
                Callers.required().userId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.success(new Created(reasonId)));
    }

    /** cal.com names the reason; the entry keeps its id. A common reason not made yet is none. */
    private Integer reasonId(OutOfOfficeReasonName reason, Integer reasonId) {
        if (reason != null && reasonId != null) {
            throw new InvalidInput("reasonId", "is given instead of reason, not with it");
        }
        return reason == null ? reasonId : scheduling.outOfOfficeReasonId(reason.key()).orElse(null);
    }

    private ApiResponse<OutOfOfficeEntryView> answer(OutOfOfficeEntryView entry) {
        return ApiResponse.success(entry.withReason(
                OutOfOfficeReasonName.fromKey(scheduling.outOfOfficeReason(entry.reasonId()))));
    }

    private static Instant startOfDay(Instant start) {
        return start == null ? null : start.truncatedTo(ChronoUnit.DAYS);
    }

    private static Instant endOfDay(Instant end) {
        return end == null ? null : end.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).minusMillis(1);
    }
}
