package com.calcomalt.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.platform.axon.CallerMetaData;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/** A command gets the facts of every kind it is, and only those; the resolvers see who sent it and with what. */
class CommandFactsTest {

    private static final Caller ANN = new Caller(1, false, null);

    interface TargetsThing {
        int thingId();
    }

    interface OwnedByShelf {
        int shelfId();
    }

    record MoveThing(int thingId, int shelfId) implements TargetsThing, OwnedByShelf {
    }

    record PaintThing(int thingId) implements TargetsThing {
    }

    record Unrelated(int thingId) {
    }

    private static class ThingFacts extends CommandFacts {

        ThingFacts() {
            resolve(TargetsThing.class, (c, facts) -> facts.put("thing", c.thingId()));
            resolve(OwnedByShelf.class, (c, facts) -> facts.put("shelf", c.shelfId()));
            resolve(PaintThing.class, (c, facts) -> {
                if (facts.caller() != null) {
                    facts.put("painter", facts.caller().userId());
                }
                facts.put("colour", facts.sentWith().get("colour"));
            });
        }
    }

    @Test
    void a_command_of_two_kinds_gets_the_facts_of_both() throws Exception {
        MetaData metaData = handled(new MoveThing(7, 3), CallerMetaData.of(ANN));

        assertThat(metaData).containsEntry("thing", 7).containsEntry("shelf", 3).doesNotContainKey("painter");
    }

    @Test
    void a_resolver_sees_the_caller_and_what_the_command_was_sent_with() throws Exception {
        MetaData metaData = handled(new PaintThing(7), CallerMetaData.of(ANN).and("colour", "red"));

        assertThat(metaData).containsEntry("thing", 7).containsEntry("painter", 1).containsEntry("colour", "red");
    }

    @Test
    void a_command_the_system_sends_has_no_caller() throws Exception {
        MetaData metaData = handled(new PaintThing(7), MetaData.emptyInstance());

        assertThat(metaData).containsEntry("thing", 7).doesNotContainKey("painter");
    }

    @Test
    void a_command_of_no_kind_is_left_as_it_was() throws Exception {
        MetaData sent = CallerMetaData.of(ANN);

        assertThat(handled(new Unrelated(7), sent)).isEqualTo(sent);
    }

    private static MetaData handled(Object command, MetaData metaData) throws Exception {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        UnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            return (MetaData) new ThingFacts().handle(unitOfWork, () -> unitOfWork.getMessage().getMetaData());
        } finally {
            unitOfWork.rollback();
        }
    }
}
