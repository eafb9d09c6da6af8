package com.calcomalt.command.support;

import com.calcomalt.contracts.identity.Caller;
import com.calcomalt.contracts.identity.CreationSource;
import com.calcomalt.contracts.identity.IdentityProvider;
import com.calcomalt.contracts.identity.RegisterUser;
import com.calcomalt.contracts.scheduling.CreateEventType;
import com.calcomalt.platform.axon.CallerMetaData;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

/** Commands sent as a caller through the real command bus, and the users and event types tests start from. */
public final class CallerCommands {

    public static final Caller ADMIN = new Caller(1, true, null);

    private final CommandGateway commands;
    private final IdAllocator ids;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    public CallerCommands(CommandGateway commands, IdAllocator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    /**
     * The metadata of a command {@code caller} sends, as its facts interceptor leaves it: with these facts, given
     * as key, value, key, value (none for a command that needs none). For aggregate test fixtures.
     */
    public static MetaData as(Caller caller, Object... factKeysAndValues) {
        MetaData metaData = CallerMetaData.of(caller);
        for (int i = 0; i < factKeysAndValues.length; i += 2) {
            metaData = metaData.and((String) factKeysAndValues[i], factKeysAndValues[i + 1]);
        }
        return metaData;
    }

    public <R> R send(Object command, Caller caller) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(CallerMetaData.of(caller)));
    }

    /** A new user, registered by a system admin, whose email and username start with the prefix. */
    public Caller user(String prefix, String timeZone) {
        int userId = ids.next("users");
        send(new RegisterUser(userId, UUID.randomUUID(), prefix + userId + "-" + tag + "@example.com",
                prefix + userId + tag, null, timeZone, "Monday", "en", 24, IdentityProvider.CAL, null,
                CreationSource.api_v2), ADMIN);
        return new Caller(userId, false, null);
    }

    /** The owner's new 30-minute event type; every setting it does not name is left to the command side's defaults. */
    public int eventType(Caller owner) {
        int eventTypeId = ids.next("EventType");
        send(new CreateEventType(eventTypeId, owner.userId(), null, null,
                PartialSettings.eventType("title", "Meeting", "slug", "m" + eventTypeId, "length", 30), null, null),
                owner);
        return eventTypeId;
    }
}
