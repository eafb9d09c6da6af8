package com.calcomalt.query.replay;

import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v2/admin/projections")
@Tag(name = "Admin: projections")
class ProjectionsAdminController {

    private final ProjectionReplay replay;

    ProjectionsAdminController(ProjectionReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild one projection processor, or every one, beside the live tables",
            description = "Answers once the rebuild has started; queries keep reading the live tables until the "
                    + "rebuild has caught up and is switched in, in one transaction. GET shows its progress.")
    ApiResponse<ProjectionReplay.Status> replay(@Parameter(description = "one processor; every replayable one if absent")
                                                @RequestParam(required = false) String processor) {
        replay.start(processor, ProjectionReplay.Mode.REBUILD);
        return ApiResponse.success(replay.status());
    }

    @PostMapping("/verify")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild beside the live tables and compare, table by table, without switching",
            description = "Row count and checksum of every table of the processor; GET shows the outcome under "
                    + "lastVerification, with the tables that differ.")
    ApiResponse<ProjectionReplay.Status> verify(@Parameter(description = "one processor; every replayable one if absent")
                                                @RequestParam(required = false) String processor) {
        replay.start(processor, ProjectionReplay.Mode.VERIFY);
        return ApiResponse.success(replay.status());
    }

    @GetMapping
    @Operation(summary = "Where each projection processor and its rebuild stand against the head of the event store")
    ApiResponse<ProjectionReplay.Status> status() {
        return ApiResponse.success(replay.status());
    }
}
