package com.calcomalt.command.scheduling;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.command.support.Ids;
import com.calcomalt.contracts.scheduling.CreateOutOfOffice;
import com.calcomalt.contracts.scheduling.CreateOutOfOfficeReason;
import com.calcomalt.contracts.scheduling.DeleteOutOfOffice;
import com.calcomalt.contracts.scheduling.UpdateOutOfOffice;
import com.calcomalt.platform.security.Callers;
import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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

    OutOfOfficeCommandController(CommandGateway commands, IdAllocator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record CreateInput(@NotNull Instant start, @NotNull Instant end, @Positive Integer reasonId,
                       @Positive Integer toUserId, @Size(max = 2000) String notes, Boolean showNotePublicly) {
    }

    record UpdateInput(Instant start, Instant end, @Positive Integer reasonId, @Positive Integer toUserId,
                       @Size(max = 2000) String notes, Boolean showNotePublicly) {
    }

    record ReasonInput(@NotBlank @Size(max = 16) String emoji, @NotBlank @Size(max = 255) String reason) {
    }

    record Created(int id, String uuid) {
    }

    @PostMapping("/v2/me/ooo")
    @Operation(summary = "Say when the caller is away, optionally sending bookers to someone else")
    ResponseEntity<ApiResponse<Created>> create(@Valid @RequestBody CreateInput input) {
        int entryId = ids.next("OutOfOfficeEntry");
        String uuid = Ids.text();
        commands.sendAndWait(new CreateOutOfOffice(entryId, uuid, Callers.required().userId(), input.start(),
                input.end(), input.reasonId(), input.toUserId(), input.notes(), input.showNotePublicly()));
        return ResponseEntity.created(URI.create("/v2/me/ooo/" + entryId))
                .body(ApiResponse.success(new Created(entryId, uuid)));
    }

    @PatchMapping("/v2/me/ooo/{entryId}")
    @Operation(summary = "Change a time away")
    ApiResponse<Created> update(@PathVariable @Positive int entryId, @Valid @RequestBody UpdateInput input) {
        commands.sendAndWait(new UpdateOutOfOffice(entryId, input.start(), input.end(), input.reasonId(),
                input.toUserId(), input.notes(), input.showNotePublicly()));
        return ApiResponse.success(new Created(entryId, null));
    }

    @DeleteMapping("/v2/me/ooo/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a time away")
    void delete(@PathVariable @Positive int entryId) {
        commands.sendAndWait(new DeleteOutOfOffice(entryId));
    }

    @PostMapping("/v2/me/ooo/reasons")
    @Operation(summary = "Add a reason of the caller's own")
    ResponseEntity<ApiResponse<Created>> createReason(@Valid @RequestBody ReasonInput input) {
        int reasonId = ids.next("OutOfOfficeReason");
        commands.sendAndWait(new CreateOutOfOfficeReason(reasonId, input.emoji(), input.reason(),
                Callers.required().userId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.success(new Created(reasonId, null)));
    }
}
