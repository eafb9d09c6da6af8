package com.calcomalt.command.scheduling.booking;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * cal.com's BookingInputLocation_2024_08_13 variants, for the API document only: a booking's location
 * is read as any JSON (a string, kept for cal.com's backwards compatibility, or one of these objects)
 * and {@link BookingCommandController} takes the address, link, phone or type from it as cal.com does.
 * Each variant's type has the one value cal.com allows, so a generated client sends what is accepted.
 */
interface BookingLocation {

    @Schema(description = "The address the organizer set on the event type")
    record Address(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "address") String type) {
    }

    @Schema(description = "The link the organizer set on the event type")
    record Link(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "link") String type) {
    }

    @Schema(description = "The phone the organizer set on the event type")
    record Phone(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "phone") String type) {
    }

    @Schema(description = "Only for team event types: the organizer's default conferencing app")
    record OrganizersDefaultApp(@Schema(requiredMode = RequiredMode.REQUIRED,
            allowableValues = "organizersDefaultApp") String type) {
    }

    @Schema(description = "A conferencing app, by cal.com's integration name")
    record Integration(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "integration") String type,
                       @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"cal-video", "google-meet",
                               "zoom", "whereby-video", "whatsapp-video", "webex-video", "telegram-video", "tandem",
                               "sylaps-video", "skype-video", "sirius-video", "signal-video", "shimmer-video",
                               "salesroom-video", "roam-video", "riverside-video", "ping-video", "office365-video",
                               "mirotalk-video", "jitsi", "jelly-video", "jelly-conferencing", "huddle",
                               "facetime-video", "element-call-video", "eightxeight-video", "discord-video",
                               "demodesk-video", "campfire-video"}) String integration) {
    }

    @Schema(description = "An address the attendee gives")
    record AttendeeAddress(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "attendeeAddress")
                           String type,
                           @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1) String address) {
    }

    @Schema(description = "A phone number the attendee gives")
    record AttendeePhone(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "attendeePhone") String type,
                         @Schema(requiredMode = RequiredMode.REQUIRED, example = "+37120993151") String phone) {
    }

    @Schema(description = "A location the attendee describes")
    record AttendeeDefined(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "attendeeDefined")
                           String type,
                           @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1) String location) {
    }
}
