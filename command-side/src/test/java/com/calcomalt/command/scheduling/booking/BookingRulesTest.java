package com.calcomalt.command.scheduling.booking;

import static com.calcomalt.command.support.PartialSettings.eventType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calcomalt.command.scheduling.booking.BookingFacts.EventTypeSnapshot;
import com.calcomalt.command.scheduling.booking.BookingFacts.HostLoad;
import com.calcomalt.command.scheduling.booking.BookingFacts.Person;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.EventTypeSettings;
import com.calcomalt.contracts.scheduling.Host;
import com.calcomalt.contracts.scheduling.SchedulingType;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import com.calcomalt.rules.scheduling.SlotCalculator.Check;
import com.calcomalt.rules.scheduling.SlotCalculator.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of a booking that need no booking, as plain functions. */
class BookingRulesTest {

    private static final Instant NOW = Instant.parse("2027-01-04T08:00:00Z");
    private static final Instant TEN = Instant.parse("2027-01-05T10:00:00Z");
    private static final Person HUGO = new Person(1, "hugo@example.com", "Hugo", "hugo", "Europe/Berlin", false);
    private static final BookingAttendee ANN = new BookingAttendee(11, "Ann", "ann@example.com", "Europe/Paris", "fr",
            "+33100000000");

    private static EventTypeSnapshot personal(EventTypeSettings settings) {
        return new EventTypeSnapshot(7, 1, null, null, null, settings, List.of());
    }

    private static EventTypeSnapshot roundRobin(List<Host> hosts) {
        return new EventTypeSnapshot(8, null, 3, null, SchedulingType.roundRobin,
                eventType("title", "Team call", "length", 30), hosts);
    }

    private static Host host(int userId, boolean fixed, Integer priority) {
        return new Host(userId, null, fixed, priority, null, null, null);
    }

    @Test
    void the_title_is_cal_coms_default_or_the_event_name_template_filled_in() {
        assertThat(BookingRules.title(personal(eventType("title", "Intro", "length", 30)), HUGO, ANN))
                .isEqualTo("Intro between Hugo and Ann");
        assertThat(BookingRules.title(personal(eventType("title", "Intro", "length", 30,
                "eventName", "{Event type title}: {Scheduler} with {Organiser} ({ATTENDEE}/{HOST})")), HUGO, ANN))
                .isEqualTo("Intro: Ann with Hugo (Ann/Hugo)");
        Person nameless = new Person(2, "nn@example.com", " ", "nn", null, false);
        assertThat(BookingRules.title(personal(eventType("title", "Intro", "length", 30)), nameless, ANN))
                .as("an organizer without a name goes by the username").isEqualTo("Intro between nn and Ann");
    }

    @Test
    void the_answers_are_the_standard_fields_in_cal_coms_order_then_the_custom_ones() {
        BookingAttendee guest = new BookingAttendee(12, "", "guest@example.com", "UTC", "en", null);
        Map<String, Object> responses = BookingRules.responses(ANN, List.of(guest), "Main St 1", "Agenda",
                Map.of("company", "Acme"));

        assertThat(responses.keySet()).containsExactly("name", "email", "guests", "location", "notes",
                "attendeePhoneNumber", "company");
        assertThat(responses).containsEntry("guests", List.of("guest@example.com"))
                .containsEntry("location", Map.of("value", "Main St 1", "optionValue", ""));
        assertThat(BookingRules.responses(ANN, List.of(), null, null, null).keySet())
                .containsExactly("name", "email", "attendeePhoneNumber");
    }

    @Test
    void the_default_location_is_the_first_locations_address_link_or_phone_else_its_type() {
        assertThat(personal(eventType("length", 30)).defaultLocation()).isNull();
        assertThat(personal(eventType("length", 30, "locations", List.of(
                Map.of("type", "address", "address", "Main St 1"), Map.of("type", "link", "link", "x"))))
                .defaultLocation()).isEqualTo("Main St 1");
        assertThat(personal(eventType("length", 30, "locations", List.of(
                Map.of("type", "integrations:daily", "address", " "))))
                .defaultLocation()).isEqualTo("integrations:daily");
    }

    @Test
    void a_booking_lasts_the_event_types_length_or_one_of_its_multiple_durations() {
        EventTypeSnapshot flexible = personal(eventType("length", 30, "metadata",
                Map.of("multipleDuration", List.of(60, 15, 30))));
        assertThat(flexible.lengths()).containsExactly(15, 30, 60);
        assertThat(BookingRules.requireDuration(flexible, TEN, TEN.plusSeconds(3600))).isEqualTo(60);
        assertThatThrownBy(() -> BookingRules.requireDuration(flexible, TEN, TEN.plusSeconds(45 * 60)))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("Event type 7 lasts 15 or 30 or 60 minutes, not 45 minutes");
        assertThatThrownBy(() -> BookingRules.requireDuration(flexible, TEN, TEN.plusSeconds(30 * 60 + 1)))
                .hasMessageEndingWith("not 1801 seconds");
        assertThatThrownBy(() -> BookingRules.requireDuration(flexible, TEN, TEN))
                .hasMessage("A booking starts before it ends");
    }

    @Test
    void round_robin_gives_the_fixed_hosts_and_the_free_host_most_owed_the_booking() {
        EventTypeSnapshot team = roundRobin(List.of(host(1, false, null), host(2, true, null), host(3, false, null),
                host(4, false, 4)));
        Map<Integer, HostLoad> load = Map.of(1, new HostLoad(5, NOW), 3, new HostLoad(1, NOW));

        assertThat(BookingRules.chooseHosts(team, List.of(1, 2, 3), load, null))
                .as("the fixed host organizes; of the free ones, the least booked").containsExactly(2, 3);
        assertThat(BookingRules.chooseHosts(team, List.of(1, 2, 3, 4), load, null))
                .as("a higher priority comes first").containsExactly(2, 4);
        assertThat(BookingRules.chooseHosts(team, List.of(1, 2, 3), load, 1))
                .as("a reschedule keeps its free host").containsExactly(2, 1);
        assertThat(BookingRules.chooseHosts(team, List.of(2), load, 1)).containsExactly(2);
    }

    @Test
    void a_personal_event_type_is_hosted_by_its_owner_alone() {
        EventTypeSnapshot own = personal(eventType("length", 30));
        assertThat(own.bookedHosts()).extracting(Host::userId).containsExactly(1);
        assertThat(BookingRules.chooseHosts(own, Set.of(), Map.of(), null)).containsExactly(1);
    }

    @Test
    void the_slot_verdict_becomes_the_bookers_refusal() {
        EventTypeSnapshot own = personal(eventType("length", 30, "minimumBookingNotice", 120));
        assertThatThrownBy(() -> BookingRules.requireFree(own, new Check(Verdict.TOO_SOON, List.of()), TEN, NOW))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("120 minutes' notice");
        assertThatThrownBy(() -> BookingRules.requireFree(own, new Check(Verdict.TOO_SOON, List.of()), NOW, TEN))
                .hasMessageContaining("cannot start in the past");
        assertThatThrownBy(() -> BookingRules.requireFree(own, new Check(Verdict.TAKEN, List.of()), TEN, NOW))
                .isInstanceOf(DomainConflict.class);
        BookingRules.requireFree(own, new Check(Verdict.FREE, List.of(1)), TEN, NOW);
    }

    @Test
    void a_team_events_other_hosts_attend_in_the_bookers_language() {
        Person cy = new Person(2, "cy@example.com", null, "cy", null, false);
        List<BookingAttendee> attendees = BookingRules.hostsAsAttendees(Map.of(1, HUGO, 2, cy), List.of(1, 2),
                List.of(31), ANN);
        assertThat(attendees).containsExactly(new BookingAttendee(31, "", "cy@example.com", "Europe/Paris", "fr",
                null));
        assertThatThrownBy(() -> BookingRules.hostsAsAttendees(Map.of(1, HUGO, 2, cy), List.of(1, 2), List.of(), ANN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_reschedule_moves_everyone_but_the_hosts_under_new_ids() {
        BookingAttendee coHost = new BookingAttendee(13, "Cy", "cy@example.com", "UTC", "en", null);
        List<BookingAttendee> moved = BookingRules.movedAttendees(List.of(ANN, coHost), Set.of(13),
                List.of(41, 42).iterator());
        assertThat(moved).containsExactly(new BookingAttendee(41, "Ann", "ann@example.com", "Europe/Paris", "fr",
                "+33100000000"));
    }
}
