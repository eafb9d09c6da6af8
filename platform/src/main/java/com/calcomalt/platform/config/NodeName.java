package com.calcomalt.platform.config;

import java.lang.management.ManagementFactory;

/**
 * This process's name among the nodes that share one database: the owner of its token claims and
 * the picker of its scheduled executions, shown in health. {@code calalt.node-name} sets it; unset, it
 * is the JVM's {@code pid@host}, which differs between JVMs on one host (db-scheduler's own default,
 * the host name alone, does not).
 */
public final class NodeName {

    public static final String PROPERTY = "${calalt.node-name:}";

    private NodeName() {
    }

    public static String of(String configured) {
        return configured == null || configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
    }
}
