package app.casepath.exports;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The DfE's Children in Need census for a collection year (1 April to 31 March): every CIN
 * episode (a referral) open at any point in the year, with its assessments, section 47
 * enquiries, child protection plans and their reviews. Primary need is the one decided when the
 * assessment was authorised, N0 (not stated) until then.
 */
@Service
public class CinCensus {

    private final JdbcClient db;
    private final ObjectMapper json;

    public CinCensus(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public String xml(int year) {
        LocalDate from = LocalDate.of(year - 1, 4, 1);
        LocalDate to = LocalDate.of(year, 3, 31);
        List<Map<String, Object>> episodes = db.sql("""
                select c.case_id, c.child_id, ch.date_of_birth, ch.expected_date_of_birth, ch.gender, ch.ethnicity,
                       c.referral_date, c.closed_on, c.closure_reason,
                       (select k.source from contact k where k.case_id = c.case_id and k.became_referral = true
                        order by k.id desc limit 1) as source,
                       (select a.primary_need from assessment a where a.case_id = c.case_id and a.primary_need is not null
                        order by a.id desc limit 1) as primary_need
                from child_case c join child ch on ch.child_id = c.child_id
                where c.referral_date is not null and c.referral_date <= :to and (c.closed_on is null or c.closed_on >= :from)
                order by c.child_id, c.referral_date""").param("from", from).param("to", to).query().listOfRows();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("Message");
            x.writeStartElement("Header");
            x.writeStartElement("CollectionDetails");
            element(x, "Collection", "CIN");
            element(x, "Year", String.valueOf(year));
            element(x, "ReferenceDate", to.toString());
            x.writeEndElement();
            x.writeEndElement();
            x.writeStartElement("Children");
            String child = null;
            for (Map<String, Object> e : episodes) {
                if (!e.get("child_id").equals(child)) {
                    if (child != null) {
                        x.writeEndElement();
                    }
                    child = (String) e.get("child_id");
                    x.writeStartElement("Child");
                    x.writeStartElement("ChildIdentifiers");
                    element(x, "LAchildID", child);
                    element(x, e.get("date_of_birth") != null ? "PersonBirthDate" : "ExpectedPersonBirthDate",
                            text(e.get("date_of_birth") != null ? e.get("date_of_birth") : e.get("expected_date_of_birth")));
                    element(x, "GenderCurrent", switch (text(e.get("gender"))) {
                        case "M" -> "1";
                        case "F" -> "2";
                        default -> "0";
                    });
                    x.writeEndElement();
                    x.writeStartElement("ChildCharacteristics");
                    element(x, "Ethnicity", text(e.get("ethnicity")));
                    x.writeEndElement();
                }
                episode(x, e);
            }
            if (child != null) {
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException("census XML could not be written", ex);
        }
        return out.toString();
    }

    private void episode(XMLStreamWriter x, Map<String, Object> e) throws XMLStreamException {
        String caseId = (String) e.get("case_id");
        x.writeStartElement("CINdetails");
        element(x, "CINreferralDate", text(e.get("referral_date")));
        element(x, "ReferralSource", text(e.get("source")));
        element(x, "PrimaryNeedCode", e.get("primary_need") == null ? "N0" : text(e.get("primary_need")));
        element(x, "CINclosureDate", text(e.get("closed_on")));
        element(x, "ReasonForClosure", text(e.get("closure_reason")));
        boolean nfa = db.sql("select count(*) from assessment where case_id = ? and decision = 'NFA'").param(caseId)
                .query(Integer.class).single() > 0;
        element(x, "ReferralNFA", nfa ? "1" : "0");
        for (Map<String, Object> a : db.sql("""
                select started_on, authorised_on, factors from assessment where case_id = ? order by id""")
                .param(caseId).query().listOfRows()) {
            x.writeStartElement("Assessments");
            element(x, "AssessmentActualStartDate", text(a.get("started_on")));
            element(x, "AssessmentAuthorisationDate", text(a.get("authorised_on")));
            x.writeStartElement("FactorsIdentifiedAtAssessment");
            for (String factor : factors(text(a.get("factors")))) {
                element(x, "AssessmentFactors", factor);
            }
            x.writeEndElement();
            x.writeEndElement();
        }
        for (Map<String, Object> s : db.sql("""
                select s.started_on, s.icpc_target,
                       (select min(f.held_on) from conference f where f.case_id = s.case_id and f.kind = 'ICPC'
                        and f.held_on >= s.started_on) as icpc
                from s47_enquiry s where s.case_id = ? order by s.id""").param(caseId).query().listOfRows()) {
            x.writeStartElement("Section47");
            element(x, "S47ActualStartDate", text(s.get("started_on")));
            element(x, "InitialCPCtarget", text(s.get("icpc_target")));
            element(x, "DateOfInitialCPC", text(s.get("icpc")));
            x.writeEndElement();
        }
        for (Map<String, Object> p : db.sql("""
                select id, started_on, ended_on, initial_category, latest_category, previous_plans
                from cp_plan where case_id = ? order by id""").param(caseId).query().listOfRows()) {
            x.writeStartElement("ChildProtectionPlans");
            element(x, "CPPstartDate", text(p.get("started_on")));
            element(x, "CPPendDate", text(p.get("ended_on")));
            element(x, "InitialCategoryOfAbuse", text(p.get("initial_category")));
            element(x, "LatestCategoryOfAbuse", text(p.get("latest_category")));
            element(x, "NumberOfPreviousCPP", text(p.get("previous_plans")));
            x.writeStartElement("Reviews");
            for (Object review : db.sql("select held_on from conference where cp_plan_id = ? and kind = 'RCPC' order by held_on")
                    .param(p.get("id")).query(Object.class).list()) {
                element(x, "CPPreviewDate", text(review));
            }
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private List<String> factors(String stored) {
        try {
            return stored.isEmpty() ? List.of() : List.of(json.readValue(stored, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored factors unreadable", e);
        }
    }

    private static void element(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
