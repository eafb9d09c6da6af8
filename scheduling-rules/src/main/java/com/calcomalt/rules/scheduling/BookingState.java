package com.calcomalt.rules.scheduling;

import com.calcomalt.contracts.scheduling.AttendeeAbsence;
import com.calcomalt.contracts.scheduling.BookingAbsenceMarked;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.contracts.scheduling.BookingCancelled;
import com.calcomalt.contracts.scheduling.BookingChange;
import com.calcomalt.contracts.scheduling.BookingConfirmed;
import com.calcomalt.contracts.scheduling.BookingDeclined;
import com.calcomalt.contracts.scheduling.BookingInternalNoteAdded;
import com.calcomalt.contracts.scheduling.BookingPaid;
import com.calcomalt.contracts.scheduling.BookingPaymentCarried;
import com.calcomalt.contracts.scheduling.BookingPaymentRequired;
import com.calcomalt.contracts.scheduling.BookingRated;
import com.calcomalt.contracts.scheduling.BookingReferenceAdded;
import com.calcomalt.contracts.scheduling.BookingReferenceRemoved;
import com.calcomalt.contracts.scheduling.BookingRequested;
import com.calcomalt.contracts.scheduling.BookingRescheduled;
import com.calcomalt.contracts.scheduling.BookingSeatBooked;
import com.calcomalt.contracts.scheduling.BookingSeatCancelled;
import com.calcomalt.contracts.scheduling.BookingSeatData;
import com.calcomalt.contracts.scheduling.BookingStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One booking's story: its events folded, one at a time, into what the booking is now. Every reader
 * that rebuilds a booking (the aggregate, the command's answer, the registry, the processors and
 * the projectors) folds with {@link #apply} or {@link Lifecycle#apply}, so each lifecycle rule
 * (which status an event leaves, which events end a booking, which change it) is written here once.
 *
 * @param requested   the event that made the booking; null before it
 * @param lifecycle   the columns of cal.com's Booking row that change after it is made
 * @param attendees   who is at the booking now, by attendee id, in the order they came
 * @param absent      the attendees marked as not having come
 * @param seats       the seats held now, by their reference uid
 * @param references  the calendar and video references linked to it
 * @param notes       its internal notes
 * @param payment     what the booking must pay, for a booking of a paid event type; null for a free one
 */
public record BookingState(BookingRequested requested, Lifecycle lifecycle, Map<Integer, BookingAttendee> attendees,
                           Set<Integer> absent, Map<String, BookingSeatData> seats, Set<Integer> references,
                           Set<Integer> notes, BookingPaymentRequired payment) {

    /** A booking not made yet. */
    public static final BookingState NONE = new BookingState(null, null, Map.of(), Set.of(), Map.of(), Set.of(),
            Set.of(), null);

    /**
     * The columns of a booking that its later events change, as cal.com's Booking row keeps them:
     * {@code rescheduled} is null until the booking is moved, {@code updatedAt} null until it first
     * changes after being made. Each column follows the events alone, so a table that keeps only
     * some of them folds with the others left null.
     */
    public record Lifecycle(BookingStatus status, String cancellationReason, String rejectionReason,
                            String cancelledBy, Boolean rescheduled, String rescheduledBy, String rescheduledTo,
                            boolean noShowHost, Integer rating, String ratingFeedback, Instant updatedAt,
                            boolean paid) {

        public static Lifecycle of(BookingRequested made) {
            return new Lifecycle(made.status(), null, null, null, null, made.rescheduledBy(), null, false, null, null,
                    null, false);
        }

        /**
         * Whether an event changes the booking's own row: references and notes hang off it in rows of
         * their own, and what a booking costs is its Payment row's.
         */
        public static boolean changesRow(BookingChange event) {
            return !(event instanceof BookingReferenceAdded || event instanceof BookingReferenceRemoved
                    || event instanceof BookingInternalNoteAdded || event instanceof BookingPaymentRequired);
        }

        /** This lifecycle after one more event of the booking. */
        public Lifecycle apply(BookingChange event) {
            if (event instanceof BookingRequested e) {
                return of(e);
            }
            if (!changesRow(event)) {
                return this;
            }
            BookingStatus next = statusSetBy(event).orElse(status);
            if (event instanceof BookingConfirmed e) {
                return new Lifecycle(next, cancellationReason, rejectionReason, cancelledBy, rescheduled,
                        rescheduledBy, rescheduledTo, noShowHost, rating, ratingFeedback, e.updatedAt(), paid);
            } else if (event instanceof BookingDeclined e) {
                return new Lifecycle(next, cancellationReason, e.rejectionReason(), cancelledBy, rescheduled,
                        rescheduledBy, rescheduledTo, noShowHost, rating, ratingFeedback, e.updatedAt(), paid);
            } else if (event instanceof BookingCancelled e) {
                return new Lifecycle(next, e.cancellationReason(), rejectionReason, e.cancelledBy(), rescheduled,
                        rescheduledBy, rescheduledTo, noShowHost, rating, ratingFeedback, e.updatedAt(), paid);
            } else if (event instanceof BookingRescheduled e) {
                return new Lifecycle(next, e.cancellationReason(), rejectionReason, cancelledBy, true,
                        e.rescheduledBy(), e.newUid(), noShowHost, rating, ratingFeedback, e.updatedAt(), paid);
            } else if (event instanceof BookingAbsenceMarked e) {
                return new Lifecycle(next, cancellationReason, rejectionReason, cancelledBy, rescheduled,
                        rescheduledBy, rescheduledTo, e.noShowHost() != null ? e.noShowHost() : noShowHost, rating,
                        ratingFeedback, e.updatedAt(), paid);
            } else if (event instanceof BookingRated e) {
                return new Lifecycle(next, cancellationReason, rejectionReason, cancelledBy, rescheduled,
                        rescheduledBy, rescheduledTo, noShowHost, e.rating(), e.ratingFeedback(), e.updatedAt(), paid);
            } else if (event instanceof BookingPaid e) {
                return new Lifecycle(next, cancellationReason, rejectionReason, cancelledBy, rescheduled,
                        rescheduledBy, rescheduledTo, noShowHost, rating, ratingFeedback, e.updatedAt(), true);
            } else if (event instanceof BookingPaymentCarried) {
                // Part of making the replacement, as cal.com creates it paid: not a change after it was made.
                return new Lifecycle(status, cancellationReason, rejectionReason, cancelledBy, rescheduled,
                        rescheduledBy, rescheduledTo, noShowHost, rating, ratingFeedback, updatedAt, true);
            } else if (event instanceof BookingSeatBooked e) {
                return changedAt(e.updatedAt());
            } else if (event instanceof BookingSeatCancelled e) {
                return changedAt(e.updatedAt());
            }
            throw new IllegalArgumentException("A booking change unknown to its story: " + event);
        }

        /** Accepted or pending: it keeps its hosts busy, holds its idempotency key and may still change. */
        public boolean takingPlace() {
            return BookingState.takingPlace(status);
        }

        private Lifecycle changedAt(Instant at) {
            return new Lifecycle(status, cancellationReason, rejectionReason, cancelledBy, rescheduled,
                    rescheduledBy, rescheduledTo, noShowHost, rating, ratingFeedback, at, paid);
        }
    }

    /**
     * The status an event leaves its booking in, empty when it leaves the status as it was: a
     * confirmation accepts, a decline rejects, a payment accepts unless the host must still confirm,
     * and a cancellation or a reschedule cancels (the new booking of a reschedule is a booking of its own).
     */
    public static Optional<BookingStatus> statusSetBy(BookingChange event) {
        if (event instanceof BookingRequested e) {
            return Optional.of(e.status());
        } else if (event instanceof BookingConfirmed) {
            return Optional.of(BookingStatus.accepted);
        } else if (event instanceof BookingDeclined) {
            return Optional.of(BookingStatus.rejected);
        } else if (event instanceof BookingPaid e) {
            return Optional.of(e.status());
        } else if (event instanceof BookingCancelled || event instanceof BookingRescheduled) {
            return Optional.of(BookingStatus.cancelled);
        }
        return Optional.empty();
    }

    /** Accepted or pending: it keeps its hosts busy, holds its idempotency key and may still change. */
    public static boolean takingPlace(BookingStatus status) {
        return status == BookingStatus.accepted || status == BookingStatus.pending;
    }

    /** The booking after one more of its events. */
    public BookingState apply(BookingChange event) {
        if (event instanceof BookingRequested e) {
            Map<Integer, BookingAttendee> people = new LinkedHashMap<>();
            e.attendees().forEach(a -> people.put(a.attendeeId(), a));
            Map<String, BookingSeatData> held = new LinkedHashMap<>();
            if (e.seat() != null) {
                held.put(e.seat().referenceUid(), e.seat());
                people.put(e.seat().attendee().attendeeId(), e.seat().attendee());
            }
            return new BookingState(e, Lifecycle.of(e), frozen(people), Set.of(), frozen(held), Set.of(), Set.of(),
                    null);
        }
        Lifecycle next = lifecycle.apply(event);
        if (event instanceof BookingSeatBooked e) {
            Map<Integer, BookingAttendee> people = new LinkedHashMap<>(attendees);
            people.put(e.seat().attendee().attendeeId(), e.seat().attendee());
            Map<String, BookingSeatData> held = new LinkedHashMap<>(seats);
            held.put(e.seat().referenceUid(), e.seat());
            return new BookingState(requested, next, frozen(people), absent, frozen(held), references, notes, payment);
        } else if (event instanceof BookingSeatCancelled e) {
            Map<Integer, BookingAttendee> people = new LinkedHashMap<>(attendees);
            people.remove(e.attendeeId());
            Map<String, BookingSeatData> held = new LinkedHashMap<>(seats);
            held.remove(e.referenceUid());
            return new BookingState(requested, next, frozen(people), absent, frozen(held), references, notes, payment);
        } else if (event instanceof BookingAbsenceMarked e) {
            Set<Integer> away = new HashSet<>(absent);
            for (AttendeeAbsence absence : e.attendees()) {
                if (absence.noShow()) {
                    away.add(absence.attendeeId());
                } else {
                    away.remove(absence.attendeeId());
                }
            }
            return new BookingState(requested, next, attendees, Set.copyOf(away), seats, references, notes, payment);
        } else if (event instanceof BookingReferenceAdded e) {
            return new BookingState(requested, next, attendees, absent, seats, plus(references, e.referenceId()),
                    notes, payment);
        } else if (event instanceof BookingReferenceRemoved e) {
            Set<Integer> linked = new HashSet<>(references);
            linked.remove(e.referenceId());
            return new BookingState(requested, next, attendees, absent, seats, Set.copyOf(linked), notes,
                    payment);
        } else if (event instanceof BookingPaymentRequired e) {
            return new BookingState(requested, next, attendees, absent, seats, references, notes, e);
        } else if (event instanceof BookingInternalNoteAdded e) {
            return new BookingState(requested, next, attendees, absent, seats, references, plus(notes, e.noteId()),
                    payment);
        }
        return new BookingState(requested, next, attendees, absent, seats, references, notes, payment);
    }

    public BookingStatus status() {
        return lifecycle == null ? null : lifecycle.status();
    }

    /** Made for a paid event type and not paid yet: PENDING for its payment, not for the host. */
    public boolean awaitingPayment() {
        return payment != null && !lifecycle.paid() && lifecycle.takingPlace();
    }

    public boolean seated() {
        return requested != null && requested.seat() != null;
    }

    /**
     * The attendees who are the booking's other hosts: cal.com lists a team event's hosts after the
     * organizer as its last attendees.
     */
    public Set<Integer> hostAttendeeIds() {
        var listed = requested.attendees();
        int others = Math.max(0, requested.hostIds().size() - 1);
        Set<Integer> ids = new HashSet<>();
        listed.subList(Math.max(0, listed.size() - others), listed.size()).forEach(a -> ids.add(a.attendeeId()));
        return Set.copyOf(ids);
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return Collections.unmodifiableMap(map);
    }

    private static Set<Integer> plus(Set<Integer> set, int id) {
        Set<Integer> more = new HashSet<>(set);
        more.add(id);
        return Set.copyOf(more);
    }
}
