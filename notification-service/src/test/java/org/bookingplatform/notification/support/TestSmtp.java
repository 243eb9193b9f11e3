package org.bookingplatform.notification.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for the service under test, on a free port that stays the same
 * when a test stops and restarts it to play an SMTP outage. Shared by every test class of the run:
 * tests tell their mail apart by recipient (each test user has an address of their own).
 */
public final class TestSmtp {

    private static int port;
    private static GreenMail server;

    private TestSmtp() {
    }

    public static synchronized int port() {
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return port;
    }

    public static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message received for {@code address}, in arrival order. */
    public static synchronized List<Email> to(String address) {
        if (server == null) {
            return List.of();
        }
        List<Email> emails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                boolean forAddress = Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
                if (forAddress) {
                    emails.add(Email.of(message));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("unreadable message", e);
            }
        }
        return emails;
    }

    /** A received e-mail, its parts decoded. */
    public record Email(String to, String subject, String messageId, String text, String html) {

        static Email of(MimeMessage message) throws MessagingException, IOException {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            return new Email(message.getAllRecipients()[0].toString(), message.getSubject(), message.getMessageID(),
                    text.toString(), html.toString());
        }

        private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
            if (part.isMimeType("text/plain")) {
                text.append(part.getContent());
            } else if (part.isMimeType("text/html")) {
                html.append(part.getContent());
            } else if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, text, html);
                }
            }
        }
    }
}
