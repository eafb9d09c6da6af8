package com.calcomalt.allinone;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server of the all-in-one tests: GreenMail in this JVM, on a free port, started once
 * before the shared Spring context and pointed at by {@code spring.mail.host}/{@code port}.
 */
final class TestMailServer {

    private static GreenMail server;

    private TestMailServer() {
    }

    static synchronized GreenMail get() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
        }
        return server;
    }

    static int port() {
        return get().getSmtp().getPort();
    }

    /** Every message received so far with this address among its recipients. */
    static List<MimeMessage> to(String address) {
        return Arrays.stream(get().getReceivedMessages()).filter(m -> {
            try {
                Address[] recipients = m.getAllRecipients();
                return recipients != null && Arrays.stream(recipients)
                        .anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
