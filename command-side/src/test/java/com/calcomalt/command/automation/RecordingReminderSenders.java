package com.calcomalt.command.automation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's reminder senders in tests: they keep what they were given, and can be told to
 * let the process "die" right after a message was handed over, before its outcome is recorded.
 */
@Configuration
public class RecordingReminderSenders {

    /** Stands for the process going away: not an exception any handler catches and records. */
    static class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after sending, before recording the outcome");
        }
    }

    static final List<ReminderEmail> EMAILS = new CopyOnWriteArrayList<>();
    static final List<ReminderTextMessage> TEXTS = new CopyOnWriteArrayList<>();
    static final AtomicBoolean CRASH_AFTER_NEXT_SEND = new AtomicBoolean();
    private static final AtomicInteger IDS = new AtomicInteger();

    @Bean
    ReminderEmailSender recordingReminderEmailSender() {
        return email -> {
            EMAILS.add(email);
            if (CRASH_AFTER_NEXT_SEND.getAndSet(false)) {
                throw new SimulatedCrash();
            }
            return "<test-" + IDS.incrementAndGet() + "@calcom-alt.test>";
        };
    }

    @Bean
    ReminderTextSender recordingReminderTextSender() {
        return message -> {
            TEXTS.add(message);
            return "SM" + IDS.incrementAndGet();
        };
    }

    static List<ReminderEmail> emailsTo(String address) {
        return EMAILS.stream().filter(e -> e.to().contains(address)).toList();
    }
}
