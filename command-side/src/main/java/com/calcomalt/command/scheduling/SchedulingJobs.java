package com.calcomalt.command.scheduling;

import com.calcomalt.command.support.IdAllocator;
import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.scheduling.CreateOutOfOfficeReason;
import com.calcomalt.contracts.scheduling.ExpireSlotReservation;
import com.calcomalt.platform.axon.CallerMetaData;
import com.calcomalt.platform.domain.DomainConflict;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What scheduling does on its own: letting reservations expire, and giving a fresh install cal.com's
 * out-of-office reasons. Several nodes may do both at once; the aggregates make that harmless.
 */
@Configuration
@EnableScheduling
class SchedulingJobs implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SchedulingJobs.class);
    private static final MetaData AS_THE_SYSTEM = CallerMetaData.of(new Caller(0, true, null));
    /** cal.com's reasons, with the translation keys it stores. */
    private static final List<String[]> COMMON_REASONS = List.of(
            new String[] {"🏝️", "ooo_reasons_vacation"}, new String[] {"✈️", "ooo_reasons_travel"},
            new String[] {"🤒", "ooo_reasons_sick_leave"}, new String[] {"🎉", "ooo_reasons_public_holiday"},
            new String[] {"🗓️", "ooo_reasons_unspecified"});

    private final CommandGateway commands;
    private final SchedulingLookups lookups;
    private final IdAllocator ids;
    private final Clock clock;
    private final boolean seedCommonReasons;

    /** @param seedCommonReasons false while a cal.com import starts: it brings the installation's own reasons */
    SchedulingJobs(CommandGateway commands, SchedulingLookups lookups, IdAllocator ids, Clock clock,
                   @Value("${calalt.out-of-office.seed-common-reasons:true}") boolean seedCommonReasons) {
        this.commands = commands;
        this.lookups = lookups;
        this.ids = ids;
        this.clock = clock;
        this.seedCommonReasons = seedCommonReasons;
    }

    @Scheduled(fixedDelayString = "${calalt.reservations.expiry-check:15s}")
    void expireReservations() {
        for (String uid : lookups.reservationsDue(clock.instant())) {
            try {
                commands.sendAndWait(new ExpireSlotReservation(uid));
            } catch (AggregateNotFoundException gone) {
                // released or expired by another node meanwhile
            } catch (RuntimeException e) {
                log.warn("Reservation {} did not expire; trying again later", uid, e);
            }
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!seedCommonReasons || lookups.anyCommonOutOfOfficeReason()) {
            return;
        }
        for (String[] reason : COMMON_REASONS) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new CreateOutOfOfficeReason(ids.next("OutOfOfficeReason"), reason[0], reason[1], null))
                        .andMetaData(AS_THE_SYSTEM));
            } catch (DomainConflict createdElsewhere) {
                // another node gave the install its reasons meanwhile
            }
        }
    }
}
