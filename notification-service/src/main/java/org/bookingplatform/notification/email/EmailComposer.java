package org.bookingplatform.notification.email;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.config.NotificationConfig;
import org.bookingplatform.notification.service.NoticeTexts;

import java.util.Locale;
import java.util.Map;

/**
 * Writes a queued e-mail from its Qute templates ({@code templates/email/<kind>.html} and
 * {@code .txt}) in the recipient's language, with the amounts and times formatted for their locale.
 */
@ApplicationScoped
public class EmailComposer {

    private final Engine engine;
    private final NoticeTexts texts;
    private final String messageIdDomain;

    public EmailComposer(Engine engine, NoticeTexts texts, NotificationConfig config) {
        this.engine = engine;
        this.texts = texts;
        this.messageIdDomain = config.email().messageIdDomain();
    }

    public Mail compose(QueuedEmail email, Recipient recipient) {
        Locale locale = NoticeTexts.localeFor(recipient.locale());
        String subject = texts.title(email.kind(), locale);
        Map<String, Object> values = texts.values(email.facts(), locale);
        values.put("name", recipient.displayName() == null || recipient.displayName().isBlank() ? null : recipient.displayName());
        values.put("title", subject);
        values.put("lang", locale.getLanguage());
        String html = render(email.kind().template() + ".html", values, locale);
        String text = render(email.kind().template() + ".txt", values, locale);
        return Mail.withHtml(recipient.email(), subject, html)
                .setText(text)
                // The same Message-ID on every attempt: a message sent again after a crash (see
                // EmailDispatcher) is recognisable as the same one by the receiving side.
                .addHeader("Message-ID", messageId(email));
    }

    public String messageId(QueuedEmail email) {
        return "<" + email.id() + "@" + messageIdDomain + ">";
    }

    private String render(String template, Map<String, Object> values, Locale locale) {
        TemplateInstance instance = engine.getTemplate("email/" + template).instance();
        values.forEach(instance::data);
        // Message bundles are looked up by language; the region only shapes numbers and dates.
        return instance.setLocale(Locale.forLanguageTag(locale.getLanguage())).render();
    }
}
