package org.bookingplatform.platform.logging;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence for the logs (console handler filter {@code personal-data}): whatever
 * a log statement or a library put into a message, e-mail addresses, bearer tokens (JWTs), card
 * numbers and {@code password=}/{@code secret=} values leave the process masked. Messages from
 * outside (an SMTP server's refusal names its recipient, an HTTP error may echo a request) are
 * where they come from. Stack traces of logged exceptions are not rewritten.
 */
@LoggingFilter(name = "personal-data")
public final class PersonalDataRedaction implements Filter {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(password|passwd|secret|client_secret|token)(\"?\\s*[:=]\\s*\"?)[^\\s,\"&;}]+");
    private static final Pattern CARD = Pattern.compile("\\b\\d{4}([ -]?)\\d{4}\\1\\d{4}\\1\\d{1,7}\\b");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            String redacted = redact(message);
            if (redacted != null && !redacted.equals(message)) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }

    /** {@code text} with every e-mail address, token, card number and secret value masked. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = JWT.matcher(text).replaceAll("<token>");
        masked = BEARER.matcher(masked).replaceAll("$1<token>");
        masked = SECRET.matcher(masked).replaceAll("$1$2<redacted>");
        masked = EMAIL.matcher(masked).replaceAll("<e-mail>");
        return maskCards(masked);
    }

    /** Digit groups shaped like a card number, masked when they pass the Luhn check (order ids, epoch millis rarely do both). */
    private static String maskCards(String text) {
        Matcher match = CARD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (match.find()) {
            String digits = match.group().replaceAll("[ -]", "");
            match.appendReplacement(out, digits.length() >= 13 && luhn(digits) ? "<card>" : Matcher.quoteReplacement(match.group()));
        }
        return match.appendTail(out).toString();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
