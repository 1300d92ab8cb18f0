package app.casepath.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.casepath.calendar.TimeSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends what the outbox holds, one email per transaction: lock it, send it, mark it sent. When the
 * mail server is down the email waits and is tried again later (1, 2, 4 … minutes, at most an hour
 * apart), so nothing is lost; other nodes skip an email one node is sending. A node killed between
 * the server accepting an email and the commit sends it again on retry; the copy carries the same
 * Message-ID, by which mail systems recognise it.
 * Runs only where a mail server is configured (spring.mail.host).
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration MAX_BACK_OFF = Duration.ofHours(1);

    private final EmailOutbox outbox;
    private final JavaMailSender mail;
    private final TransactionTemplate transactions;
    private final TimeSource time;
    private final MailSettings settings;
    private final Attachments attachments;

    OutboxSender(EmailOutbox outbox, JavaMailSender mail, TransactionTemplate transactions, TimeSource time,
                 MailSettings settings, Attachments attachments) {
        this.attachments = attachments;
        this.outbox = outbox;
        this.mail = mail;
        this.transactions = transactions;
        this.time = time;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${casepath.mail.poll:PT10S}")
    void onSchedule() {
        if (settings.scheduled()) {
            sendDue();
        }
    }

    /** Sends every email now due; returns how many went. */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < 500; i++) {
            Boolean more = transactions.execute(status -> {
                Optional<EmailOutbox.Email> next = outbox.lockNextDue();
                if (next.isEmpty()) {
                    return false;
                }
                EmailOutbox.Email email = next.get();
                try {
                    mail.send(message(email));
                    outbox.sent(email.id());
                    return true;
                } catch (MailException | MessagingException e) {
                    Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(email.attempts(), 6));
                    Instant retry = time.now().plus(wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait);
                    // The address and content stay out of the log: they concern a child.
                    log.warn("Email {} not sent (attempt {}): {}; next try at {}", email.id(), email.attempts() + 1,
                            e.getClass().getSimpleName(), retry);
                    outbox.failed(email.id(), retry, e.getClass().getSimpleName() + ": " + e.getMessage());
                    return null;
                }
            });
            if (more == null) {
                continue;
            }
            if (!more) {
                break;
            }
            sent++;
        }
        return sent;
    }

    private MimeMessage message(EmailOutbox.Email email) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        boolean attached = email.attachmentDocumentId() != null;
        // Multipart only when something is attached: the staff emails stay plain text messages.
        MimeMessageHelper helper = new MimeMessageHelper(message, attached, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(email.recipient());
        helper.setSubject(email.subject());
        helper.setText(email.body());
        if (attached) {
            Attachments.Attachment a = attachments.read(email.attachmentDocumentId());
            helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.mediaType());
        }
        message.setHeader("Message-ID", "<casepath-outbox-" + email.id() + "@" + settings.messageIdDomain() + ">");
        return message;
    }
}
