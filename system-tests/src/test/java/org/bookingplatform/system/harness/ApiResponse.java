package org.bookingplatform.system.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** One HTTP answer: status, headers and body; {@link #json()} parses the body. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return Json.parse(body);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The answer itself as the message of a failed assertion. */
    @Override
    public String toString() {
        return status + " " + headers.firstValue("content-type").orElse("") + " " + body;
    }
}
