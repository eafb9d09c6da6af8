package com.calcomalt.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.calcomalt.command.automation.AIPhoneCallConfiguration;
import com.calcomalt.command.automation.Workflow;
import com.calcomalt.command.calendar.CalendarCredential;
import com.calcomalt.command.identity.ApiKey;
import com.calcomalt.command.identity.Membership;
import com.calcomalt.command.identity.Team;
import com.calcomalt.command.notifications.Webhook;
import com.calcomalt.command.scheduling.EventType;
import com.calcomalt.command.scheduling.Schedule;
import com.calcomalt.command.features.TeamFeature;
import com.calcomalt.command.features.UserFeature;
import com.calcomalt.contracts.features.NamesFeature;
import com.calcomalt.command.scheduling.booking.Booking;
import com.calcomalt.contracts.automation.TargetsAIPhoneCallConfiguration;
import com.calcomalt.contracts.automation.TargetsWorkflow;
import com.calcomalt.contracts.calendar.TargetsCalendarCredential;
import com.calcomalt.contracts.identity.TargetsApiKey;
import com.calcomalt.contracts.identity.TargetsMembership;
import com.calcomalt.contracts.identity.TargetsTeam;
import com.calcomalt.contracts.notifications.TargetsWebhook;
import com.calcomalt.contracts.scheduling.TargetsBooking;
import com.calcomalt.contracts.scheduling.TargetsEventType;
import com.calcomalt.contracts.scheduling.TargetsSchedule;
import com.calcomalt.platform.axon.CallerMetaData;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.junit.jupiter.api.Test;

/**
 * A command on an existing aggregate that decides with facts gets them only by saying what it
 * targets: a new command that forgets its target interface would reach its aggregate without them.
 */
class CommandTargetsTest {

    private static final Map<Class<?>, Class<?>> TARGET_OF = Map.ofEntries(
            Map.entry(Booking.class, TargetsBooking.class),
            Map.entry(EventType.class, TargetsEventType.class),
            Map.entry(Schedule.class, TargetsSchedule.class),
            Map.entry(Membership.class, TargetsMembership.class),
            Map.entry(Team.class, TargetsTeam.class),
            Map.entry(ApiKey.class, TargetsApiKey.class),
            Map.entry(Workflow.class, TargetsWorkflow.class),
            Map.entry(AIPhoneCallConfiguration.class, TargetsAIPhoneCallConfiguration.class),
            Map.entry(Webhook.class, TargetsWebhook.class),
            Map.entry(CalendarCredential.class, TargetsCalendarCredential.class),
            Map.entry(TeamFeature.class, NamesFeature.class),
            Map.entry(UserFeature.class, NamesFeature.class));

    @Test
    void every_command_on_an_existing_aggregate_that_reads_facts_says_what_it_targets() {
        List<String> untargeted = TARGET_OF.entrySet().stream()
                .flatMap(entry -> Arrays.stream(entry.getKey().getDeclaredMethods())
                        .filter(CommandTargetsTest::readsFactsOfAnExistingAggregate)
                        .map(handler -> handler.getParameterTypes()[0])
                        .filter(command -> !entry.getValue().isAssignableFrom(command))
                        .map(command -> command.getSimpleName() + " does not implement "
                                + entry.getValue().getSimpleName()))
                .toList();

        assertThat(untargeted).isEmpty();
    }

    @Test
    void the_rule_sees_the_handlers_it_is_about() {
        long handlers = TARGET_OF.keySet().stream().flatMap(aggregate -> Arrays.stream(aggregate.getDeclaredMethods()))
                .filter(CommandTargetsTest::readsFactsOfAnExistingAggregate).count();

        assertThat(handlers).isGreaterThan(40);
    }

    /** A handler method (not a creating one) with metadata beyond the caller, which travels with every command. */
    private static boolean readsFactsOfAnExistingAggregate(Method method) {
        CreationPolicy policy = method.getAnnotation(CreationPolicy.class);
        return method.isAnnotationPresent(CommandHandler.class)
                && (policy == null || policy.value() != AggregateCreationPolicy.ALWAYS)
                && Arrays.stream(method.getParameters()).anyMatch(CommandTargetsTest::isFact);
    }

    private static boolean isFact(Parameter parameter) {
        MetaDataValue value = parameter.getAnnotation(MetaDataValue.class);
        return value != null && !value.value().equals(CallerMetaData.CALLER)
                && !value.value().equals(CallerMetaData.CALLER_USER_ID);
    }
}
