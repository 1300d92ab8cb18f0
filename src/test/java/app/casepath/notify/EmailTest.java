package app.casepath.notify;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import app.casepath.EmbeddedPostgres;
import app.casepath.Jargon;
import app.casepath.JourneyDriver;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** Email through a real SMTP server (GreenMail), from the outbox, each kind and through an outage. */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
@ActiveProfiles({"demo", "test"})
class EmailTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    static GreenMail smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    JourneyDriver journey;

    @Autowired
    OutboxSender sender;

    @BeforeEach
    void cleanSlate() throws Exception {
        // Other test classes share this database and queue emails without sending them.
        journey.db().sql("delete from email_outbox").update();
        smtp.purgeEmailFromAllMailboxes();
        journey.today(LocalDate.parse("2026-03-02"), LocalTime.of(9, 30));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Words, never codes: every email a test sent, subject and body, is in the forms' words. */
    @AfterEach
    void everyEmailIsInWords() throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            texts.add(m.getSubject() + " " + body(m));
        }
        assertThat(Jargon.inEach(texts)).as("emails with codes in them").isEmpty();
    }

    private List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text a person reads: an attachment's bytes are not words (the PDF's own text is checked where it is sent). */
    private static String body(MimeMessage message) throws Exception {
        if (message.getContent() instanceof jakarta.mail.Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                if (!jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                    text.append(GreenMailUtil.getBody(parts.getBodyPart(i)));
                }
            }
            return text.toString().replace("=\r\n", "").replace("=20", " ");
        }
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=20", " ");
    }

    @Test
    void aNewTaskGoesToItsGroupAndThenToItsAssigneeWithoutTheChildsName() throws Exception {
        var contact = journey.contact("Zuri", "Mailsworth", "2016-01-01");
        journey.complete(contact.caseId(), "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(contact.caseId(), "allocateCase", allocate("social.worker"), "team.manager");
        assertThat(sender.sendDue()).isEqualTo(3);

        MimeMessage screening = to("fd.practitioner@casepath.example").get(0);
        assertThat(screening.getSubject()).isEqualTo("New task for " + contact.reference() + ": Screen the contact");
        String text = body(screening);
        assertThat(text).contains("Dear Amara", "for your team", "Due: Tuesday 3 March 2026", "/tasks/")
                .doesNotContain("Zuri", "Mailsworth", "crying");
        assertThat(to("team.manager@casepath.example")).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("Allocate a social worker"));
        assertThat(to("social.worker@casepath.example")).singleElement()
                .satisfies(m -> assertThat(body(m)).contains("for you", "Due: Thursday 7 May 2026"));
        assertThat(sender.sendDue()).as("nothing twice").isZero();
    }

    @Test
    void remindersGoToTheWorkerAndEscalationsToTheirManagers() throws Exception {
        String caseId = journey.contact("Zuri", "Remindley", "2016-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        sender.sendDue();
        smtp.purgeEmailFromAllMailboxes();

        journey.fire(caseId, "completeAssessmentReminder");
        journey.fire(caseId, "completeAssessmentEscalation");
        assertThat(sender.sendDue()).isEqualTo(2);

        assertThat(to("social.worker@casepath.example")).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).startsWith("Reminder: Complete the assessment").endsWith("Thursday 7 May 2026"));
        assertThat(to("team.manager@casepath.example")).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).startsWith("Overdue: Complete the assessment");
            assertThat(body(m)).contains("It is with social.worker");
        });
    }

    @Test
    void theAllocatedWorkerIsInvitedToTheConference() throws Exception {
        String caseId = journey.contact("Zuri", "Invitewell", "2016-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        sender.sendDue();

        assertThat(to("social.worker@casepath.example")).filteredOn(m -> subject(m).startsWith("Invitation"))
                .singleElement().satisfies(m -> assertThat(m.getSubject())
                        .contains("initial child protection conference", "Monday 23 March 2026"));
        assertThat(to("cp.chair@casepath.example")).filteredOn(m -> subject(m).contains("Hold the initial conference")).hasSize(1);
    }

    @Test
    void anAuthorisedAssessmentReachesTheParentsAsAPdfOnceThroughAnOutage() throws Exception {
        String caseId = journey.contact("Zuri", "Sharington", "2016-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        journey.complete(caseId, "completeAssessment", with(assessment("CIN_PLAN"), "sharedWithFamily",
                Map.of("method", "EMAIL", "email", "parent@family.example")), "social.worker");
        sender.sendDue();
        assertThat(to("parent@family.example")).as("not before a manager has authorised it").isEmpty();

        smtp.stop();
        journey.complete(caseId, "authoriseAssessment", authorise("CIN_PLAN"), "team.manager");
        assertThat(sender.sendDue()).isZero();
        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
        journey.today(LocalDate.parse("2026-03-02"), LocalTime.of(9, 40));
        sender.sendDue();
        assertThat(sender.sendDue()).isZero();

        assertThat(to("parent@family.example")).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Your child's assessment");
            assertThat(m.getContent()).isInstanceOf(jakarta.mail.Multipart.class);
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) m.getContent();
            String covering = null;
            byte[] pdf = null;
            for (int i = 0; i < parts.getCount(); i++) {
                jakarta.mail.BodyPart part = parts.getBodyPart(i);
                if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    assertThat(part.getContentType()).startsWith("application/pdf");
                    assertThat(part.getFileName()).endsWith(".pdf");
                    pdf = part.getInputStream().readAllBytes();
                } else {
                    covering = GreenMailUtil.getBody(part);
                }
            }
            assertThat(covering).contains("assessment of Zuri").doesNotContain("Mum's partner shouts");
            assertThat(pdf).isNotNull();
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                        .contains("Zuri Sharington", "Mum's partner shouts", "Grandmother visits", "Safety goal",
                                "we put things at 4", "Child in Need plan");
            }
        });
    }

    @Test
    void anSmtpOutageLosesNothingAndSendsNothingTwice() throws Exception {
        smtp.stop();
        List<String> references = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            references.add(journey.contact("Zuri", "Outage" + i, "2016-01-01").reference());
        }
        assertThat(sender.sendDue()).isZero();
        assertThat(journey.db().sql("select count(*) from email_outbox where sent_at is null and attempts = 1 and last_error is not null")
                .query(Integer.class).single()).isEqualTo(3);

        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
        assertThat(sender.sendDue()).as("not retried before its back-off").isZero();
        journey.today(LocalDate.parse("2026-03-02"), LocalTime.of(9, 32));
        assertThat(sender.sendDue()).isEqualTo(3);
        assertThat(sender.sendDue()).isZero();

        List<MimeMessage> received = to("fd.practitioner@casepath.example");
        assertThat(received).hasSize(3);
        assertThat(received).extracting(EmailTest::subject)
                .containsExactlyInAnyOrderElementsOf(references.stream().map(r -> "New task for " + r + ": Screen the contact").toList());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
