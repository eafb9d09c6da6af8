package com.calcomalt.query.replay;

import com.calcomalt.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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
    @Operation(summary = "Rebuild every projection from the event store",
            description = "Answers once the rebuild has started; GET shows when each processor has caught up.")
    ApiResponse<ProjectionReplay.Status> replay() {
        replay.replayAll();
        return ApiResponse.success(replay.status());
    }

    @GetMapping
    @Operation(summary = "Where each projection processor stands against the head of the event store")
    ApiResponse<ProjectionReplay.Status> status() {
        return ApiResponse.success(replay.status());
    }
}
