package com.calcomalt.platform.deadletters;

import com.calcomalt.platform.web.ApiResponse;
import com.calcomalt.platform.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v2/admin/dead-letters")
@Tag(name = "Admin: dead letters")
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Events that a processing group could not handle, one entry per held-back aggregate",
            description = "Other aggregates' events go on; these wait until they are retried or evicted.")
    ApiResponse<List<DeadLetters.DeadLetterSequence>> sequences() {
        return ApiResponse.success(deadLetters.sequences());
    }

    @PostMapping("/retry")
    @Operation(summary = "Hand every dead letter to its handlers again, after a fix",
            description = "Letters that succeed are removed; those that fail again stay, with their new cause.")
    ApiResponse<DeadLetters.RetryOutcome> retry() {
        return ApiResponse.success(deadLetters.retryAll());
    }

    @DeleteMapping("/{processingGroup}/{sequenceIdentifier}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Give up on one held-back aggregate: its dead letters are dropped, not handled")
    void evict(@PathVariable String processingGroup, @PathVariable String sequenceIdentifier) {
        if (!deadLetters.evict(processingGroup, sequenceIdentifier)) {
            throw new ResourceNotFound("No dead letters of " + sequenceIdentifier + " in " + processingGroup);
        }
    }
}
