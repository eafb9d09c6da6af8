package com.calcomalt.query.projections;

import jakarta.persistence.EntityManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * cal.com's tables reference each other by foreign keys (a membership needs its user and team).
 * Their projectors therefore share one processor that reads the event stream in order, so a row
 * is always written after the rows it points at. Each projector keeps its own processing group,
 * named "calcom." plus its table, and its own reset handler.
 */
@Configuration
public class CalcomProjectionsConfiguration {

    public static final String PROCESSOR = "calcom-projections";
    public static final String GROUP_PREFIX = "calcom.";

    @Bean
    ConfigurerModule calcomProjectorsShareOneOrderedProcessor(EntityManager entityManager) {
        return configurer -> configurer.eventProcessing()
                .assignProcessingGroup(group -> group.startsWith(GROUP_PREFIX) ? PROCESSOR : group)
                .registerHandlerInterceptor(PROCESSOR, c -> new FlushAfterEachEvent(entityManager));
    }

    /**
     * Hibernate writes inserts before updates before deletes, and a batch holds many events: a
     * member who leaves and is invited again would be inserted before their old row is deleted.
     * Flushing after each event writes the rows in the order of the events. Clearing then keeps a
     * batch's later flushes from checking every row its earlier events wrote.
     */
    static class FlushAfterEachEvent implements MessageHandlerInterceptor<EventMessage<?>> {

        private final EntityManager entityManager;

        FlushAfterEachEvent(EntityManager entityManager) {
            this.entityManager = entityManager;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Object result = chain.proceed();
            entityManager.flush();
            entityManager.clear();
            return result;
        }
    }
}
