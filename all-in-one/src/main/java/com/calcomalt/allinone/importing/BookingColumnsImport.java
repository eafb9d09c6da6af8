package com.calcomalt.allinone.importing;

import static com.calcomalt.allinone.importing.SectionRows.each;
import static com.calcomalt.allinone.importing.SectionRows.instant;
import static com.calcomalt.allinone.importing.SectionRows.integer;

import com.calcomalt.contracts.scheduling.BookingColumnsImported;
import com.calcomalt.contracts.scheduling.BookingColumnsImported.NotePreset;
import com.calcomalt.contracts.scheduling.BookingColumnsImported.ReferenceColumns;
import com.calcomalt.contracts.scheduling.BookingIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The columns of the imported bookings, references and internal notes that no command of ours sets (dynamic
 * slugs, the recurring series, the destination calendar, scheduled jobs, the one-time password, reassignment,
 * a reference's calendar account and delegation credentials, the preset of a note), appended to each booking's
 * story that has any. It runs after the calendar accounts and delegation credentials are imported, the rows some
 * of them point at (a reference's account is set again here: when the booking came, its row was not there).
 */
@Component
@Order(145)
class BookingColumnsImport implements ImportSection.Streamed {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Reference(int id, Integer credential, String domainWide, String delegation) {
    }

    private record Note(int id, int preset, int author) {
    }

    @Override
    public Result read(Connection source, Imported imported, Consumer<Pending> events) throws SQLException {
        each(source, """
                select b.id, b.uid, b."dynamicEventSlugRef", b."dynamicGroupSlugRef", b."recurringEventId",
                       b."destinationCalendarId", b."scheduledJobs", b."oneTimePassword", b."reassignReason",
                       b."reassignById", coalesce(b."updatedAt", b."createdAt") as at,
                       (select json_agg(json_build_object('id', r.id, 'credential', r."credentialId",
                                                          'domainWide', r."domainWideDelegationCredentialId",
                                                          'delegation', r."delegationCredentialId") order by r.id)
                        from "BookingReference" r where r."bookingId" = b.id
                          and (r."credentialId" is not null or r."domainWideDelegationCredentialId" is not null
                               or r."delegationCredentialId" is not null)
                       )::text as refs,
                       (select json_agg(json_build_object('id', n.id, 'preset', n."notePresetId",
                                                          'author', n."createdById") order by n.id)
                        from "BookingInternalNote" n where n."bookingId" = b.id and n."notePresetId" is not null
                       )::text as notes
                from "Booking" b
                where b."dynamicEventSlugRef" is not null or b."dynamicGroupSlugRef" is not null
                   or b."recurringEventId" is not null or b."destinationCalendarId" is not null
                   or b."scheduledJobs" is not null or b."oneTimePassword" is not null
                   or b."reassignReason" is not null or b."reassignById" is not null
                   or exists (select 1 from "BookingReference" r where r."bookingId" = b.id
                              and (r."credentialId" is not null or r."domainWideDelegationCredentialId" is not null
                                   or r."delegationCredentialId" is not null))
                   or exists (select 1 from "BookingInternalNote" n where n."bookingId" = b.id
                              and n."notePresetId" is not null)
                order by b.id""", row -> {
            int id = row.getInt("id");
            if (!imported.bookingIds().contains(id)) {
                return;
            }
            String uid = row.getString("uid");
            Array jobs = row.getArray("scheduledJobs");
            // A note by an author left out was reported and left out with its author.
            List<NotePreset> notes = parse(row.getString("notes"), Note.class).stream()
                    .filter(n -> imported.userRegisteredAt().containsKey(n.author()))
                    .map(n -> new NotePreset(n.id(), n.preset())).toList();
            Instant at = instant(row.getTimestamp("at"));
            events.accept(new Pending("Booking", BookingIds.aggregateId(uid), new BookingColumnsImported(uid, id,
                    row.getString("dynamicEventSlugRef"), row.getString("dynamicGroupSlugRef"),
                    row.getString("recurringEventId"), integer(row, "destinationCalendarId"),
                    jobs == null ? null : Arrays.asList((String[]) jobs.getArray()), row.getString("oneTimePassword"),
                    row.getString("reassignReason"), integer(row, "reassignById"),
                    parse(row.getString("refs"), Reference.class).stream()
                            .map(r -> new ReferenceColumns(r.id(), r.credential(), r.domainWide(), r.delegation())).toList(),
                    notes, at), at));
        });
        // Its rows are the bookings' and are counted there.
        return new Result(Map.of(), List.of(), List.of(), List.of(), Map.of());
    }

    private static <T> List<T> parse(String json, Class<T> type) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, JSON.getTypeFactory().constructCollectionType(List.class, type));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
