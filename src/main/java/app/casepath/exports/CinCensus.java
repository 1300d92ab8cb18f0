package app.casepath.exports;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.caserecord.ChildIdentifiers;
import app.casepath.calendar.TimeSource;

/**
 * DfE's Children in Need census for one collection year (1 April to 31 March), to the schema
 * ({@code CIN_schema_2026.xsd}) and DfE's validation rules (returns.md):
 * <ul>
 * <li>A CIN episode starts with a referral (a contact screened to assessment or strategy), or with a
 * strategy discussion on a case that was not in one (a significant-harm concern in Early Help), and
 * ends with the first authorised closure after it (an RC9 closure ends it though the case goes on in
 * Early Help). Entering care does not end it: a looked-after child is still a child in need, and
 * Casepath's part of the record stops there.</li>
 * <li>Everything is as it stood on the census date: what happened after 31 March is left out, and
 * what was open then is shown open. Only the year's activity: an episode open at any point in the
 * year and, within it, the assessments, CIN plans, s47 enquiries and plans that fall in the year or
 * are open, and the review conferences held in the year.</li>
 * <li>An element with no value is left out, never written empty.</li>
 * </ul>
 */
@Service
public class CinCensus {

    /** Early Help (LA services) as the source of an episode that began with a concern in Early Help. */
    static final String EARLY_HELP_SOURCE = "5D";

    private final JdbcClient db;
    private final ObjectMapper json;
    private final ReturnsSettings settings;
    private final TimeSource time;
    private final String version;

    public CinCensus(JdbcClient db, ObjectMapper json, ReturnsSettings settings, TimeSource time,
                     ObjectProvider<BuildProperties> build) {
        this.db = db;
        this.json = json;
        this.settings = settings;
        this.time = time;
        BuildProperties properties = build.getIfAvailable();
        String implementation = CinCensus.class.getPackage().getImplementationVersion();
        this.version = properties != null ? properties.getVersion() : implementation != null ? implementation : "development";
    }

    /** Thrown when the council's DfE LA number is not configured: a census without it would be refused. */
    public static class NotConfiguredException extends RuntimeException {
        NotConfiguredException(String message) {
            super(message);
        }
    }

    // ---- the record as the census sees it

    record Child(String childId, String number, String upn, String formerUpn, String upnUnknown, LocalDate birth,
                 LocalDate expectedBirth, String gender, String ethnicity, String disabilities) {
    }

    record Start(LocalDate on, String source) {
    }

    record Closure(LocalDate requestedOn, LocalDate closedOn, String reason) {
    }

    record Assessment(String caseId, LocalDate startedOn, LocalDate authorisedOn, String factors, String primaryNeed) {
    }

    record CinPlan(String caseId, LocalDate startedOn, LocalDate endedOn) {
    }

    record Section47(String caseId, LocalDate startedOn, LocalDate icpcTarget, LocalDate completedOn, String outcome,
                     LocalDate strategyRequestedOn) {
    }

    record Plan(long id, String caseId, LocalDate startedOn, LocalDate endedOn, String initialCategory,
                String latestCategory, int previousPlans) {
    }

    /** One CIN episode of a case, with everything recorded in it up to the census date. */
    static final class Episode {
        final String caseId;
        final String childId;
        final Start start;
        Closure closure;
        final List<Assessment> assessments = new ArrayList<>();
        final List<CinPlan> cinPlans = new ArrayList<>();
        final List<Section47> enquiries = new ArrayList<>();
        final List<Plan> plans = new ArrayList<>();
        final List<LocalDate> initialConferences = new ArrayList<>();

        Episode(String caseId, String childId, Start start) {
            this.caseId = caseId;
            this.childId = childId;
            this.start = start;
        }

        LocalDate closedOn() {
            return closure == null ? null : closure.closedOn();
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(start.on()) && (closedOn() == null || !date.isAfter(closedOn()));
        }
    }

    // ---- the census

    public String xml(int year) {
        return xml(new CensusYear(year));
    }

    @Transactional(readOnly = true)
    public String xml(CensusYear year) {
        if (settings.laNumber() == null || settings.laNumber().isBlank()) {
            throw new NotConfiguredException("The census needs the council's DfE LA number: set casepath.returns.la-number.");
        }
        LocalDate from = year.start();
        LocalDate to = year.referenceDate();
        List<Episode> episodes = episodes(from, to);
        Map<String, Child> children = children(from, to);
        Map<String, List<Episode>> byChild = new TreeMap<>();
        Map<Long, List<LocalDate>> reviews = reviews(from, to);
        for (Episode e : episodes) {
            byChild.computeIfAbsent(e.childId, k -> new ArrayList<>()).add(e);
        }
        List<Child> ordered = byChild.keySet().stream().map(children::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Child::number)).toList();

        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("Message");
            header(x, year);
            x.writeStartElement("Children");
            for (Child child : ordered) {
                List<Episode> own = byChild.get(child.childId());
                own.sort(Comparator.comparing((Episode e) -> e.start.on()));
                child(x, year, child, own, reviews);
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

    private void header(XMLStreamWriter x, CensusYear year) throws XMLStreamException {
        LocalDateTime now = LocalDateTime.ofInstant(time.now(), time.zone()).truncatedTo(ChronoUnit.SECONDS);
        x.writeStartElement("Header");
        x.writeStartElement("CollectionDetails");
        element(x, "Collection", "CIN");
        element(x, "Year", String.valueOf(year.year()));
        element(x, "ReferenceDate", year.referenceDate());
        x.writeEndElement();
        x.writeStartElement("Source");
        element(x, "SourceLevel", "L");
        element(x, "LEA", settings.laNumber());
        element(x, "SoftwareCode", settings.softwareCode());
        element(x, "Release", settings.release() == null || settings.release().isBlank() ? version : settings.release());
        // A serial number that grows with every file made: the moment it was made, as digits.
        element(x, "SerialNo", now.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
        element(x, "DateTime", now.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        x.writeEndElement();
        x.writeEndElement();
    }

    private void child(XMLStreamWriter x, CensusYear year, Child c, List<Episode> episodes, Map<Long, List<LocalDate>> reviews)
            throws XMLStreamException {
        LocalDate to = year.referenceDate();
        // Born after the census date: on that date the child was unborn.
        boolean born = c.birth() != null && !c.birth().isAfter(to);
        x.writeStartElement("Child");
        x.writeStartElement("ChildIdentifiers");
        element(x, "LAchildID", c.number());
        String upn = upper(c.upn());
        boolean hasUpn = ChildIdentifiers.validUpn(upn);
        element(x, "UPN", hasUpn ? upn : null);
        String former = upper(c.formerUpn());
        element(x, "FormerUPN", ChildIdentifiers.validUpn(former) ? former : null);
        String unknown = upper(c.upnUnknown());
        element(x, "UPNunknown", !hasUpn && year.upnUnknownReason(unknown) ? unknown : null);
        if (born) {
            element(x, "PersonBirthDate", c.birth());
        } else {
            element(x, "ExpectedPersonBirthDate", c.expectedBirth() != null ? c.expectedBirth() : c.birth());
        }
        element(x, "Sex", year.sex(c.gender(), !born));
        x.writeEndElement();
        x.writeStartElement("ChildCharacteristics");
        element(x, "Ethnicity", year.ethnicity(c.ethnicity()) ? c.ethnicity() : "NOBT");
        List<String> disabilities = disabilities(year, c.disabilities());
        if (!disabilities.isEmpty()) {
            x.writeStartElement("Disabilities");
            for (String d : disabilities) {
                element(x, "Disability", d);
            }
            x.writeEndElement();
        }
        x.writeEndElement();
        for (Episode e : episodes) {
            episode(x, year, e, reviews);
        }
        x.writeEndElement();
    }

    private void episode(XMLStreamWriter x, CensusYear year, Episode e, Map<Long, List<LocalDate>> reviews)
            throws XMLStreamException {
        LocalDate from = year.start();
        LocalDate to = year.referenceDate();
        boolean closed = e.closedOn() != null && !e.closedOn().isAfter(to);
        boolean furtherAction = !e.assessments.isEmpty() || !e.enquiries.isEmpty() || !e.cinPlans.isEmpty() || !e.plans.isEmpty();
        // The referral itself led to nothing: closed with no assessment, s47 or plan.
        boolean referralNfa = closed && !furtherAction;
        x.writeStartElement("CINdetails");
        element(x, "CINreferralDate", e.start.on());
        element(x, "ReferralSource", e.start.source());
        String need = e.assessments.stream()
                .filter(a -> a.primaryNeed() != null && a.authorisedOn() != null && !a.authorisedOn().isAfter(to))
                .max(Comparator.comparing(Assessment::authorisedOn)).map(Assessment::primaryNeed).orElse(null);
        element(x, "PrimaryNeedCode", need != null ? need : referralNfa ? null : "N0");
        if (closed) {
            element(x, "CINclosureDate", e.closedOn());
            element(x, "ReasonForClosure", reason(e));
        }
        // An initial conference is given with the enquiry that led to it, never also here (DfE rule 2884).
        for (Assessment a : e.assessments) {
            if (!within(a.startedOn(), a.authorisedOn(), from, to)) {
                continue;
            }
            boolean authorised = a.authorisedOn() != null && !a.authorisedOn().isAfter(to);
            x.writeStartElement("Assessments");
            element(x, "AssessmentActualStartDate", a.startedOn());
            if (authorised) {
                element(x, "AssessmentAuthorisationDate", a.authorisedOn());
                List<String> factors = factors(year, a.factors());
                if (!factors.isEmpty()) {
                    x.writeStartElement("FactorsIdentifiedAtAssessment");
                    for (String factor : factors) {
                        element(x, "AssessmentFactors", factor);
                    }
                    x.writeEndElement();
                }
            }
            x.writeEndElement();
        }
        for (CinPlan p : e.cinPlans) {
            if (!within(p.startedOn(), p.endedOn(), from, to)) {
                continue;
            }
            x.writeStartElement("CINPlanDates");
            element(x, "CINPlanStartDate", p.startedOn());
            element(x, "CINPlanEndDate", upTo(p.endedOn(), to));
            x.writeEndElement();
        }
        List<Section47> enquiries = e.enquiries;
        for (int i = 0; i < enquiries.size(); i++) {
            Section47 s = enquiries.get(i);
            LocalDate next = i + 1 < enquiries.size() ? enquiries.get(i + 1).startedOn() : null;
            LocalDate icpc = e.initialConferences.stream()
                    .filter(d -> !d.isBefore(s.startedOn()) && (next == null || d.isBefore(next)) && !d.isAfter(to))
                    .min(Comparator.naturalOrder()).orElse(null);
            boolean notRequired = icpc == null && s.completedOn() != null && !s.completedOn().isAfter(to)
                    && !"CONVENE_ICPC".equals(s.outcome());
            LocalDate end = icpc != null ? icpc : notRequired ? s.completedOn() : null;
            if (!within(s.startedOn(), end, from, to)) {
                continue;
            }
            x.writeStartElement("Section47");
            element(x, "S47ActualStartDate", s.startedOn());
            element(x, "InitialCPCtarget", s.icpcTarget());
            element(x, "DateOfInitialCPC", icpc);
            element(x, "ICPCnotRequired", notRequired ? "1" : "0");
            x.writeEndElement();
        }
        element(x, "ReferralNFA", referralNfa ? "1" : "0");
        for (Plan p : e.plans) {
            if (!within(p.startedOn(), p.endedOn(), from, to)) {
                continue;
            }
            x.writeStartElement("ChildProtectionPlans");
            element(x, "CPPstartDate", p.startedOn());
            element(x, "CPPendDate", upTo(p.endedOn(), to));
            element(x, "InitialCategoryOfAbuse", p.initialCategory());
            element(x, "LatestCategoryOfAbuse", p.latestCategory());
            element(x, "NumberOfPreviousCPP", String.valueOf(p.previousPlans()));
            List<LocalDate> held = reviews.getOrDefault(p.id(), List.of()).stream()
                    .filter(d -> d.isAfter(p.startedOn())).toList();
            if (!held.isEmpty()) {
                x.writeStartElement("Reviews");
                for (LocalDate d : held) {
                    element(x, "CPPreviewDate", d);
                }
                x.writeEndElement();
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /**
     * The reason as recorded, except that DfE's RC8 and RC9 mean "closed after assessment": an episode
     * that went on to a section 47 enquiry or a plan and was then closed with either is given RC7
     * (services ceased for any other reason), as DfE's rule 2990 requires.
     */
    static String reason(Episode e) {
        String recorded = e.closure.reason();
        boolean beyondAssessment = !e.enquiries.isEmpty() || !e.cinPlans.isEmpty() || !e.plans.isEmpty();
        if (beyondAssessment && ("RC8".equals(recorded) || "RC9".equals(recorded))) {
            return "RC7";
        }
        return recorded;
    }

    /** Open at some point of the year: started by its end, and not ended before its start. */
    private static boolean within(LocalDate started, LocalDate ended, LocalDate from, LocalDate to) {
        return !started.isAfter(to) && (ended == null || !ended.isBefore(from));
    }

    private static LocalDate upTo(LocalDate date, LocalDate to) {
        return date == null || date.isAfter(to) ? null : date;
    }

    // ---- reading the record

    /** The cases with a referral by the census date that were not closed before the year began. */
    private static final String CASES = """
            select c.case_id from child_case c
            where (c.closed_on is null or c.closed_on >= :from or c.status = 'LOOKED_AFTER')
              and (exists (select 1 from contact k where k.case_id = c.case_id and k.became_referral = true and k.decided_on <= :to)
                   or exists (select 1 from strategy_discussion d where d.case_id = c.case_id and d.requested_on <= :to))""";

    private List<Episode> episodes(LocalDate from, LocalDate to) {
        Map<String, String> childOf = new LinkedHashMap<>();
        db.sql("select c.case_id, c.child_id from child_case c where c.case_id in (" + CASES + ")")
                .param("from", from).param("to", to)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> childOf.put(e.getKey(), e.getValue()));
        Map<String, List<Start>> referrals = group(db.sql("""
                        select k.case_id, k.decided_on, k.source from contact k
                        where k.became_referral = true and k.decided_on <= :to and k.case_id in (""" + CASES + ") order by k.decided_on, k.id")
                .param("from", from).param("to", to)
                .query((rs, n) -> Map.entry(rs.getString(1), new Start(rs.getObject(2, LocalDate.class), rs.getString(3)))).list());
        Map<String, List<LocalDate>> strategies = group(db.sql("""
                        select d.case_id, d.requested_on from strategy_discussion d
                        where d.requested_on <= :to and d.case_id in (""" + CASES + ") order by d.requested_on, d.id")
                .param("from", from).param("to", to)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class))).list());
        Map<String, List<Closure>> closures = group(db.sql("""
                        select f.case_id, f.requested_on, f.closed_on, f.reason from closure f
                        where f.closed_on is not null and f.case_id in (""" + CASES + ") order by f.closed_on, f.id")
                .param("from", from).param("to", to)
                .query((rs, n) -> Map.entry(rs.getString(1), new Closure(rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4)))).list());

        Map<String, List<Episode>> byCase = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : childOf.entrySet()) {
            String caseId = c.getKey();
            List<Closure> ends = closures.getOrDefault(caseId, List.of());
            List<Episode> found = build(caseId, c.getValue(), referrals.getOrDefault(caseId, List.of()), ends);
            // A strategy discussion outside every episode (a concern in Early Help) starts one of its own.
            List<Start> starts = new ArrayList<>(found.stream().map(e -> e.start).toList());
            for (LocalDate d : strategies.getOrDefault(caseId, List.of())) {
                if (found.stream().noneMatch(e -> e.covers(d)) && starts.stream().noneMatch(s -> s.on().equals(d))) {
                    starts.add(new Start(d, EARLY_HELP_SOURCE));
                }
            }
            if (starts.size() > found.size()) {
                starts.sort(Comparator.comparing(Start::on));
                found = build(caseId, c.getValue(), starts, ends);
            }
            byCase.put(caseId, found);
        }

        String in = " and case_id in (" + CASES + ")";
        db.sql("select case_id, started_on, authorised_on, factors, primary_need from assessment where started_on <= :to"
                        + in + " order by started_on, id").param("from", from).param("to", to)
                .query((rs, n) -> new Assessment(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5))).list()
                .forEach(a -> into(byCase, a.caseId(), a.startedOn(), e -> e.assessments.add(a)));
        db.sql("select case_id, started_on, ended_on from cin_plan where started_on <= :to" + in + " order by started_on, id")
                .param("from", from).param("to", to)
                .query((rs, n) -> new CinPlan(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .list().forEach(p -> into(byCase, p.caseId(), p.startedOn(), e -> e.cinPlans.add(p)));
        db.sql("""
                        select s.case_id, s.started_on, s.icpc_target, s.completed_on, s.outcome, d.requested_on
                        from s47_enquiry s join strategy_discussion d on d.id = s.strategy_discussion_id
                        where s.started_on <= :to and s.case_id in (""" + CASES + ") order by s.started_on, s.id")
                .param("from", from).param("to", to)
                .query((rs, n) -> new Section47(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class))).list()
                .forEach(s -> into(byCase, s.caseId(), s.strategyRequestedOn(), e -> e.enquiries.add(s)));
        db.sql("""
                        select id, case_id, started_on, ended_on, initial_category, latest_category, previous_plans
                        from cp_plan where started_on <= :to""" + in + " order by started_on, id")
                .param("from", from).param("to", to)
                .query((rs, n) -> new Plan(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getInt(7))).list()
                .forEach(p -> into(byCase, p.caseId(), p.startedOn(), e -> e.plans.add(p)));
        db.sql("select case_id, held_on from conference where kind = 'ICPC' and held_on <= :to" + in + " order by held_on, id")
                .param("from", from).param("to", to)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class))).list()
                .forEach(f -> into(byCase, f.getKey(), f.getValue(), e -> e.initialConferences.add(f.getValue())));

        return byCase.values().stream().flatMap(List::stream)
                .filter(e -> e.closedOn() == null || !e.closedOn().isBefore(from))
                .collect(Collectors.toList());
    }

    /** Each start opens an episode that the first authorised closure after it (before the next start) ends. */
    private static List<Episode> build(String caseId, String childId, List<Start> starts, List<Closure> closures) {
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Start start = starts.get(i);
            LocalDate next = i + 1 < starts.size() ? starts.get(i + 1).on() : null;
            Episode e = new Episode(caseId, childId, start);
            e.closure = closures.stream()
                    .filter(f -> !f.requestedOn().isBefore(start.on()) && (next == null || !f.closedOn().isAfter(next)))
                    .findFirst().orElse(null);
            episodes.add(e);
        }
        return episodes;
    }

    /** An item belongs to the latest episode of its case that had begun by the item's date. */
    private static void into(Map<String, List<Episode>> byCase, String caseId, LocalDate on, java.util.function.Consumer<Episode> add) {
        Episode owner = null;
        for (Episode e : byCase.getOrDefault(caseId, List.of())) {
            if (!e.start.on().isAfter(on)) {
                owner = e;
            }
        }
        if (owner != null) {
            add.accept(owner);
        }
    }

    private Map<String, Child> children(LocalDate from, LocalDate to) {
        return db.sql("""
                        select ch.child_id, ch.child_number, ch.upn, ch.former_upn, ch.upn_unknown, ch.date_of_birth,
                               ch.expected_date_of_birth, ch.gender, ch.ethnicity, ch.disabilities
                        from child ch where ch.child_id in (select c.child_id from child_case c where c.case_id in (""" + CASES + "))")
                .param("from", from).param("to", to)
                .query((rs, n) -> new Child(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                        rs.getString(10))).list()
                .stream().collect(Collectors.toMap(Child::childId, Function.identity()));
    }

    /** Review conferences held in the year, by plan. */
    private Map<Long, List<LocalDate>> reviews(LocalDate from, LocalDate to) {
        return group(db.sql("""
                        select cp_plan_id, held_on from conference
                        where kind = 'RCPC' and cp_plan_id is not null and held_on >= :from and held_on <= :to
                        order by held_on, id""").param("from", from).param("to", to)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, LocalDate.class))).list());
    }

    private static <K, V> Map<K, List<V>> group(List<Map.Entry<K, V>> rows) {
        Map<K, List<V>> grouped = new LinkedHashMap<>();
        rows.forEach(r -> grouped.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(r.getValue()));
        return grouped;
    }

    // ---- codes

    /** DfE's factors only, each once, and "21" (no factors identified) only on its own. */
    List<String> factors(CensusYear year, String stored) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : list(stored, "factors")) {
            String c = code.trim().toUpperCase();
            if (year.factor(c)) {
                codes.add(c);
            }
        }
        if (codes.size() > 1) {
            codes.remove(CensusYear.NO_FACTORS);
        }
        return List.copyOf(codes);
    }

    /** The recorded disabilities in the census's order, each once; NONE only on its own. */
    List<String> disabilities(CensusYear year, String stored) {
        Set<String> recorded = list(stored, "disabilities").stream().map(s -> s.trim().toUpperCase()).collect(Collectors.toSet());
        List<String> codes = year.disabilities().stream().filter(recorded::contains).collect(Collectors.toCollection(ArrayList::new));
        if (codes.size() > 1) {
            codes.remove("NONE");
        }
        return codes;
    }

    private List<String> list(String stored, String what) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        try {
            return List.of(json.readValue(stored, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + what + " unreadable", e);
        }
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase();
    }

    /** An element with its value, or nothing at all when there is no value. */
    private static void element(XMLStreamWriter x, String name, Object value) throws XMLStreamException {
        if (value == null || value.toString().isBlank()) {
            return;
        }
        x.writeStartElement(name);
        x.writeCharacters(value.toString());
        x.writeEndElement();
    }
}
