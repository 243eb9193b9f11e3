package org.bookingplatform.system.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The SMTP sink (GreenMail) through its web API: what was sent to whom. */
public final class SmtpSink {

    private final Http http;

    SmtpSink(URI apiBase) {
        this.http = new Http(apiBase, null);
    }

    /** One received message: its subject and the whole MIME text (headers and body). */
    public record Mail(String subject, String mimeMessage) {
    }

    /** Every message delivered to the address so far (none when nothing was ever sent to it). */
    public List<Mail> messages(String address) {
        ApiResponse response = http.get("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX");
        List<Mail> mails = new ArrayList<>();
        if (response.status() != 200) {
            return mails;
        }
        for (JsonNode message : response.json()) {
            mails.add(new Mail(message.path("subject").asText(), message.path("mimeMessage").asText()));
        }
        return mails;
    }

    public boolean ready() {
        return http.get("/api/service/readiness").status() == 200;
    }
}
