package com.calcomalt.platform.deadletters;

import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * The processing groups whose failures go to a dead-letter queue, sequenced per aggregate: every
 * group of a streaming processor. A subscribing group runs inside the command's transaction, so
 * its failure refuses the command instead, and nothing is left behind to dead-letter.
 */
public final class DeadLetteringGroups {

    private final Set<String> groups;

    DeadLetteringGroups(Set<String> groups) {
        this.groups = Set.copyOf(groups);
    }

    /** Reads the groups off the bean definitions, so no event handler has to be created for it. */
    static DeadLetteringGroups of(ListableBeanFactory beans, Environment environment) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null && !subscribing(group.value(), environment)) {
                groups.add(group.value());
            }
        }
        return new DeadLetteringGroups(groups);
    }

    private static boolean subscribing(String group, Environment environment) {
        return "subscribing".equalsIgnoreCase(
                environment.getProperty("axon.eventhandling.processors." + group + ".mode", ""));
    }

    public boolean contains(String group) {
        return groups.contains(group);
    }

    public Set<String> names() {
        return groups;
    }
}
