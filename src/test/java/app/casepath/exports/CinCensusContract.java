package app.casepath.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import app.casepath.JourneyDriver;
import app.casepath.frontdoor.ContactService;

/**
 * The census of {@link CensusCaseload} for 2025-26 and 2026-27, against DfE's schema and, one test
 * each, the rules of DfE's validator (csc-validator-be-cin) that the exporter must respect. Run on
 * PostgreSQL and on H2 by the two subclasses, each on a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CinCensusContract {

    static final List<Integer> YEARS = List.of(2026, 2027);

    @Autowired
    JourneyDriver journey;
    @Autowired
    ContactService contacts;
    @Autowired
    CinCensus census;

    CensusCaseload caseload;
    final Map<Integer, String> xml = new java.util.HashMap<>();
    final Map<Integer, Document> doc = new java.util.HashMap<>();
    final Map<String, String> numbers = new java.util.HashMap<>();

    abstract String database();

    @BeforeAll
    void loadAndExport() throws Exception {
        caseload = new CensusCaseload(journey, contacts);
        caseload.load();
        caseload.cases.forEach((name, caseId) -> numbers.put(name, journey.db().sql(
                "select ch.child_number from child ch join child_case c on c.child_id = ch.child_id where c.case_id = ?")
                .param(caseId).query(String.class).single()));
        journey.today(LocalDate.parse("2027-05-04"));
        Path dir = Path.of("target", "cin-census");
        Files.createDirectories(dir);
        for (int year : YEARS) {
            String text = census.xml(year);
            xml.put(year, text);
            Files.writeString(dir.resolve(database() + "-" + year + ".xml"), text, StandardCharsets.UTF_8);
            var factory = DocumentBuilderFactory.newInstance();
            doc.put(year, factory.newDocumentBuilder().parse(new InputSource(new StringReader(text))));
        }
        ClockUtil.reset();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---- reading the census

    static String text(Object context, String path) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(path, context);
        } catch (Exception e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    static List<Element> nodes(Object context, String path) {
        try {
            NodeList list = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, context, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                out.add((Element) list.item(i));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    static List<String> texts(Object context, String path) {
        return nodes(context, path).stream().map(Node::getTextContent).toList();
    }

    Element child(int year, String name) {
        List<Element> found = nodes(doc.get(year), "/Message/Children/Child[ChildIdentifiers/LAchildID='" + numbers.get(name) + "']");
        assertThat(found).as("%s in %s", name, year).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    static LocalDate from(int year) {
        return LocalDate.of(year - 1, 4, 1);
    }

    static LocalDate to(int year) {
        return LocalDate.of(year, 3, 31);
    }

    // ---- the schema

    @Test
    void eachYearIsValidAgainstDfesSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(new StreamSource(getClass().getResourceAsStream("/returns/CIN_schema_2026.xsd")));
        for (int year : YEARS) {
            schema.newValidator().validate(new StreamSource(new StringReader(xml.get(year))));
        }
    }

    @Test
    void theHeaderNamesTheCouncilTheSoftwareAndTheCollection() {
        for (int year : YEARS) {
            Document d = doc.get(year);
            assertThat(text(d, "/Message/Header/CollectionDetails/Collection")).isEqualTo("CIN");
            assertThat(text(d, "/Message/Header/CollectionDetails/Year")).isEqualTo(String.valueOf(year));
            assertThat(text(d, "/Message/Header/CollectionDetails/ReferenceDate")).isEqualTo(year + "-03-31");
            assertThat(text(d, "/Message/Header/Source/SourceLevel")).isEqualTo("L");
            assertThat(text(d, "/Message/Header/Source/LEA")).isEqualTo("304");
            assertThat(text(d, "/Message/Header/Source/SoftwareCode")).isEqualTo("Casepath");
            assertThat(text(d, "/Message/Header/Source/Release")).isNotBlank();
            assertThat(text(d, "/Message/Header/Source/SerialNo")).matches("\\d{3}\\d*");
            assertThat(text(d, "/Message/Header/Source/DateTime")).isEqualTo("2027-05-04T10:00:00");
        }
    }

    // ---- DfE's rules, one by one

    /** 1570, 1580, 8510: at most 20 letters and digits, the council's child number, once per return. */
    @Test
    void laChildIdIsTheChildNumberOnceEach() {
        for (int year : YEARS) {
            List<String> ids = texts(doc.get(year), "//ChildIdentifiers/LAchildID");
            assertThat(ids).isNotEmpty().doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Za-z0-9]{1,20}"));
        }
        assertThat(text(child(2026, "Cal"), "ChildIdentifiers/LAchildID")).isEqualTo(numbers.get("Cal")).matches("C\\d{7}");
    }

    /** 1510–1550, 8770Q: a school-age child has a UPN with its check letter, or a reason it is unknown. */
    @Test
    void schoolAgeChildrenHaveAUpnOrTheReasonItIsUnknown() {
        for (int year : YEARS) {
            LocalDate schoolAge = to(year).plusMonths(4).plusDays(31).minusYears(6);
            for (Element c : nodes(doc.get(year), "//Child")) {
                String upn = text(c, "ChildIdentifiers/UPN");
                if (!upn.isEmpty()) {
                    assertThat(app.casepath.caserecord.ChildIdentifiers.validUpn(upn)).as(upn).isTrue();
                    assertThat(text(c, "ChildIdentifiers/UPNunknown")).as("never both").isEmpty();
                }
                String born = text(c, "ChildIdentifiers/PersonBirthDate");
                if (!born.isEmpty() && !LocalDate.parse(born).isAfter(schoolAge)) {
                    assertThat(upn.isEmpty() ? text(c, "ChildIdentifiers/UPNunknown") : upn)
                            .as(text(c, "ChildIdentifiers/LAchildID")).matches("UN[2-7]|[A-Z]\\d{11}[0-9A-Z]");
                }
            }
        }
        assertThat(text(child(2026, "Eli"), "ChildIdentifiers/UPNunknown")).isEqualTo("UN5");
        assertThat(text(child(2026, "Hal"), "ChildIdentifiers/FormerUPN")).isEqualTo(CensusCaseload.upn("00000099"));
        assertThat(text(child(2026, "Cal"), "ChildIdentifiers/UPN")).isEqualTo(CensusCaseload.upn("00000003"));
    }

    /** 4180, 8750, 8525Q: Sex is M, F or U (U for the unborn), beside a date of birth or an expected one. */
    @Test
    void sexIsMfOrUAndTheUnbornAreU() {
        for (int year : YEARS) {
            assertThat(nodes(doc.get(year), "//GenderCurrent")).isEmpty();
            for (Element c : nodes(doc.get(year), "//Child")) {
                assertThat(text(c, "ChildIdentifiers/Sex")).matches("[MFU]");
                boolean born = !text(c, "ChildIdentifiers/PersonBirthDate").isEmpty();
                assertThat(born).as("one date of birth or the other")
                        .isNotEqualTo(!text(c, "ChildIdentifiers/ExpectedPersonBirthDate").isEmpty());
            }
        }
        Element ada = child(2027, "Ada");
        assertThat(text(ada, "ChildIdentifiers/Sex")).as("recorded F, but unborn").isEqualTo("U");
        assertThat(text(ada, "ChildIdentifiers/ExpectedPersonBirthDate")).isEqualTo("2027-05-10");
        assertThat(text(child(2026, "Cal"), "ChildIdentifiers/Sex")).isEqualTo("M");
        assertThat(text(child(2026, "Fay"), "ChildIdentifiers/Sex")).isEqualTo("F");
    }

    /** 8540, 8790, 8794: every born child has its disabilities, each once, NONE only on its own. */
    @Test
    void disabilitiesArePresentEachOnceAndNoneAlone() {
        for (int year : YEARS) {
            for (Element c : nodes(doc.get(year), "//Child[ChildIdentifiers/PersonBirthDate]")) {
                List<String> codes = texts(c, "ChildCharacteristics/Disabilities/Disability");
                assertThat(codes).as(text(c, "ChildIdentifiers/LAchildID")).isNotEmpty().doesNotHaveDuplicates();
                if (codes.contains("NONE")) {
                    assertThat(codes).containsExactly("NONE");
                }
            }
        }
        assertThat(texts(child(2026, "Hal"), "ChildCharacteristics/Disabilities/Disability")).containsExactly("COMM", "LD", "BEH");
        assertThat(texts(child(2026, "Cal"), "ChildCharacteristics/Disabilities/Disability")).containsExactly("NONE");
    }

    /** 8869, 8898, 8945Q, 8950Q: DfE's factors only, each once, and 21 never beside another. */
    @Test
    void factor21StandsAloneAndOnlyDfesFactorsAreGiven() {
        CensusYear y = new CensusYear(2026);
        for (int year : YEARS) {
            for (Element f : nodes(doc.get(year), "//FactorsIdentifiedAtAssessment")) {
                List<String> codes = texts(f, "AssessmentFactors");
                assertThat(codes).isNotEmpty().doesNotHaveDuplicates().allMatch(y::factor).doesNotContain("18A", "19A");
                if (codes.contains("21")) {
                    assertThat(codes).containsExactly("21");
                }
            }
        }
        assertThat(texts(child(2026, "Cal"), "CINdetails/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors"))
                .as("recorded 3A and 21").containsExactly("3A");
        assertThat(census.factors(y, "[\"21\"]")).containsExactly("21");
        assertThat(census.factors(y, "[\"18A\", \"2b\", \"99Z\", \"2B\"]")).containsExactly("2B");
    }

    /** 8614: factors only on an assessment authorised by the census date. */
    @Test
    void factorsOnlyOnAuthorisedAssessments() {
        for (int year : YEARS) {
            for (Element a : nodes(doc.get(year), "//Assessments[FactorsIdentifiedAtAssessment]")) {
                assertThat(text(a, "AssessmentAuthorisationDate")).isNotEmpty();
            }
        }
    }

    /**
     * 8831, 8832, 4000, 8610, 8569Q: ReferralNFA 1 only for a referral that itself led to nothing
     * (no assessment, s47 or plan); an assessment that concluded NFA is further action.
     */
    @Test
    void referralNfaMeansTheReferralItselfLedToNothing() {
        for (int year : YEARS) {
            for (Element e : nodes(doc.get(year), "//CINdetails")) {
                if (text(e, "ReferralNFA").equals("1")) {
                    assertThat(nodes(e, "Assessments|CINPlanDates|Section47|ChildProtectionPlans")).isEmpty();
                } else {
                    assertThat(text(e, "PrimaryNeedCode")).as("8610").matches("N[0-9]");
                }
            }
        }
        assertThat(text(child(2026, "Cal"), "CINdetails/ReferralNFA")).as("assessed, then NFA").isEqualTo("0");
        assertThat(text(child(2026, "Eli"), "CINdetails/ReferralNFA")).as("an s47").isEqualTo("0");
    }

    /** The referral that the Front Door screened out (NFA, advice) is no CIN episode. */
    @Test
    void contactsScreenedOutAreNotInTheCensus() {
        for (int year : YEARS) {
            assertThat(child(year, "Bea")).isNull();
            assertThat(child(year, "Ben")).isNull();
        }
    }

    /**
     * 8600, 8620, 8696, 8715, 8720, 8736, 8740, 8930, 4010, 4013: only the year's activity, as it stood
     * on the census date: nothing that ended before the year, nothing dated after it.
     */
    @Test
    void nothingBeforeTheYearAndNothingAfterIt() {
        for (int year : YEARS) {
            LocalDate from = from(year);
            LocalDate to = to(year);
            for (String path : List.of("//CINreferralDate", "//AssessmentActualStartDate", "//CINPlanStartDate",
                    "//S47ActualStartDate", "//CPPstartDate")) {
                assertThat(texts(doc.get(year), path)).as(path).allMatch(d -> !LocalDate.parse(d).isAfter(to));
            }
            for (String path : List.of("//CINclosureDate", "//AssessmentAuthorisationDate", "//CINPlanEndDate",
                    "//Section47/DateOfInitialCPC", "//CPPendDate", "//CPPreviewDate")) {
                assertThat(texts(doc.get(year), path)).as(path)
                        .allMatch(d -> !LocalDate.parse(d).isBefore(from) && !LocalDate.parse(d).isAfter(to));
            }
        }
        assertThat(child(2027, "Cal")).as("closed in 2025-26").isNull();
        Element dee = child(2026, "Dee");
        assertThat(nodes(dee, "CINdetails/Assessments")).as("authorised in March 2025").isEmpty();
        assertThat(text(dee, "CINdetails/CINPlanDates/CINPlanStartDate")).isEqualTo("2025-03-03");
        assertThat(text(dee, "CINdetails/CINPlanDates/CINPlanEndDate")).as("open on 31 March 2026").isEmpty();
        assertThat(text(dee, "CINdetails/CINclosureDate")).isEmpty();
        assertThat(text(dee, "CINdetails/PrimaryNeedCode")).as("decided the year before").isEqualTo("N3");
        Element dee27 = child(2027, "Dee");
        assertThat(text(dee27, "CINdetails/CINPlanDates/CINPlanEndDate")).startsWith("2026-0");
        assertThat(text(dee27, "CINdetails/ReasonForClosure")).isEqualTo("RC7");
        assertThat(child(2026, "Ada")).as("referred in 2026-27").isNull();
    }

    /** No element is written empty: a missing value is a missing element. */
    @Test
    void noEmptyElements() {
        for (int year : YEARS) {
            for (Element e : nodes(doc.get(year), "//*")) {
                assertThat(e.getTextContent().isBlank()).as(e.getTagName()).isFalse();
            }
            assertThat(xml.get(year)).doesNotContain("java.lang.Object");
        }
    }

    /** The order inside CINdetails that the schema and returns.md fix. */
    @Test
    void elementsComeInTheSchemasOrder() {
        List<String> order = List.of("CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
                "ReasonForClosure", "DateOfInitialCPC", "Assessments", "CINPlanDates", "Section47", "ReferralNFA",
                "ChildProtectionPlans");
        for (int year : YEARS) {
            for (Element e : nodes(doc.get(year), "//CINdetails")) {
                List<Integer> positions = nodes(e, "*").stream().map(n -> order.indexOf(n.getTagName())).toList();
                assertThat(positions).doesNotContain(-1).isSorted();
            }
        }
    }

    /** 8841, 8842Q: Reviews only with a review date, each after the plan began; the year's reviews only. */
    @Test
    void reviewsOnlyWithReviewDatesAfterThePlanBegan() {
        for (int year : YEARS) {
            for (Element p : nodes(doc.get(year), "//ChildProtectionPlans")) {
                LocalDate start = LocalDate.parse(text(p, "CPPstartDate"));
                List<Element> reviews = nodes(p, "Reviews");
                if (!reviews.isEmpty()) {
                    assertThat(texts(p, "Reviews/CPPreviewDate")).isNotEmpty().allMatch(d -> LocalDate.parse(d).isAfter(start));
                }
            }
        }
        List<String> held = journey.db().sql("""
                select f.held_on from conference f where f.case_id = ? and f.kind = 'RCPC' order by f.held_on""")
                .param(caseload.cases.get("Fay")).query(LocalDate.class).list().stream().map(LocalDate::toString).toList();
        assertThat(held).hasSize(2);
        for (int year : YEARS) {
            List<String> inYear = held.stream().filter(d -> !LocalDate.parse(d).isBefore(from(year))
                    && !LocalDate.parse(d).isAfter(to(year))).toList();
            Element first = nodes(child(year, "Fay"), "CINdetails/ChildProtectionPlans").get(0);
            assertThat(texts(first, "Reviews/CPPreviewDate")).as("the year's reviews only").isEqualTo(inYear);
            assertThat(nodes(first, "Reviews")).as("Reviews only with a date").hasSize(inYear.isEmpty() ? 0 : 1);
        }
        Element fay27 = child(2027, "Fay");
        List<Element> plans = nodes(fay27, "CINdetails/ChildProtectionPlans");
        assertThat(plans).hasSize(2);
        assertThat(nodes(plans.get(1), "Reviews")).as("no review yet").isEmpty();
        assertThat(text(plans.get(1), "NumberOfPreviousCPP")).isEqualTo("1");
        assertThat(text(plans.get(1), "InitialCategoryOfAbuse")).isEqualTo("PHY");
        assertThat(text(plans.get(0), "CPPendDate")).isEqualTo(held.get(1));
        assertThat(text(fay27, "CINdetails/CINPlanDates/CINPlanStartDate")).isEqualTo(text(plans.get(0), "CPPendDate"));
    }

    /** 8868, 2884, 2885, 8615: every enquiry says whether a conference followed; the ICPC is given once, with it. */
    @Test
    void section47SaysWhetherAConferenceWasNeeded() {
        for (int year : YEARS) {
            for (Element s : nodes(doc.get(year), "//Section47")) {
                String icpc = text(s, "DateOfInitialCPC");
                if (!icpc.isEmpty()) {
                    assertThat(text(s, "ICPCnotRequired")).isEqualTo("0");
                } else if (!text(s, "../CINclosureDate").isEmpty()) {
                    assertThat(text(s, "ICPCnotRequired")).as("8868").isEqualTo("1");
                }
                if (!icpc.isEmpty()) {
                    assertThat(LocalDate.parse(text(s, "S47ActualStartDate"))).isBeforeOrEqualTo(LocalDate.parse(icpc));
                }
            }
            assertThat(nodes(doc.get(year), "//CINdetails/DateOfInitialCPC")).as("2884").isEmpty();
            for (Element p : nodes(doc.get(year), "//ChildProtectionPlans")) {
                String start = text(p, "CPPstartDate");
                if (!LocalDate.parse(start).isBefore(from(year))) {
                    assertThat(texts(p, "../Section47/DateOfInitialCPC")).as("2885").contains(start);
                }
            }
        }
        Element eli = child(2026, "Eli");
        assertThat(text(eli, "CINdetails/Section47/ICPCnotRequired")).isEqualTo("1");
        assertThat(text(eli, "CINdetails/Section47/DateOfInitialCPC")).isEmpty();
        Element fay = child(2026, "Fay");
        assertThat(text(fay, "CINdetails/Section47/ICPCnotRequired")).isEqualTo("0");
        assertThat(text(fay, "CINdetails/Section47/DateOfInitialCPC")).isEqualTo("2025-10-27");
        assertThat(text(fay, "CINdetails/Section47/InitialCPCtarget")).isNotEmpty();
    }

    /** 2990: RC8 and RC9 mean closed after assessment; an episode that went further is given RC7. */
    @Test
    void closureReasonsAfterAssessmentOnlyWhereNothingMoreHappened() {
        for (int year : YEARS) {
            for (Element e : nodes(doc.get(year), "//CINdetails[ReasonForClosure='RC8' or ReasonForClosure='RC9']")) {
                assertThat(nodes(e, "CINPlanDates|Section47|ChildProtectionPlans")).isEmpty();
            }
            for (Element e : nodes(doc.get(year), "//CINdetails")) {
                assertThat(text(e, "CINclosureDate").isEmpty()).as("8805, 8810").isEqualTo(text(e, "ReasonForClosure").isEmpty());
            }
        }
        assertThat(text(child(2026, "Eli"), "CINdetails/ReasonForClosure")).as("recorded RC8 after an s47").isEqualTo("RC7");
        assertThat(text(child(2026, "Cal"), "CINdetails/ReasonForClosure")).isEqualTo("RC8");
        Set<String> reasons = new HashSet<>();
        YEARS.forEach(y -> reasons.addAll(texts(doc.get(y), "//ReasonForClosure")));
        assertThat(reasons).containsAll(List.of("RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"));
        for (int i = 0; i < CensusCaseload.NAMES.size(); i++) {
            assertThat(text(child(2027, CensusCaseload.NAMES.get(i)), "CINdetails/ReasonForClosure")).isEqualTo("RC" + (i + 1));
        }
    }

    /** 8815, 8816, 8820: a case that closed to Early Help and stepped up holds two episodes, one after the other. */
    @Test
    void aSecondReferralInTheSameCaseIsASecondEpisode() {
        Element hal = child(2026, "Hal");
        List<Element> episodes = nodes(hal, "CINdetails");
        assertThat(episodes).hasSize(2);
        assertThat(text(episodes.get(0), "ReasonForClosure")).isEqualTo("RC9");
        assertThat(text(episodes.get(0), "PrimaryNeedCode")).isEqualTo("N5");
        assertThat(text(episodes.get(1), "ReferralSource")).as("stepped up from Early Help").isEqualTo("5D");
        assertThat(LocalDate.parse(text(episodes.get(1), "CINreferralDate")))
                .isAfterOrEqualTo(LocalDate.parse(text(episodes.get(0), "CINclosureDate")));
        for (int year : YEARS) {
            for (Element c : nodes(doc.get(year), "//Child")) {
                List<Element> open = nodes(c, "CINdetails[not(CINclosureDate)]");
                assertThat(open).as("8815").hasSizeLessThanOrEqualTo(1);
                if (!open.isEmpty()) {
                    assertThat(nodes(c, "CINdetails").get(nodes(c, "CINdetails").size() - 1)).as("8816").isEqualTo(open.get(0));
                }
            }
        }
    }

    /** A concern raised in Early Help starts an episode with its strategy discussion, from Early Help (5D). */
    @Test
    void aConcernInEarlyHelpIsAnEpisodeOfItsOwn() {
        Element ivy = child(2027, "Ivy");
        assertThat(text(ivy, "CINdetails/CINreferralDate")).isEqualTo("2026-09-14");
        assertThat(text(ivy, "CINdetails/ReferralSource")).isEqualTo("5D");
        assertThat(text(ivy, "CINdetails/Section47/ICPCnotRequired")).isEqualTo("1");
        assertThat(text(ivy, "CINdetails/ReasonForClosure")).isEqualTo("RC7");
        assertThat(text(ivy, "CINdetails/PrimaryNeedCode")).as("no assessment").isEqualTo("N0");
    }

    /** Primary need as decided when the assessment was authorised. */
    @Test
    void primaryNeedIsTheOneDecidedAtAuthorisation() {
        assertThat(text(child(2026, "Cal"), "CINdetails/PrimaryNeedCode")).isEqualTo("N4");
        assertThat(text(child(2027, "Ada"), "CINdetails/PrimaryNeedCode")).isEqualTo("N1");
        assertThat(text(child(2027, "Ada"), "CINdetails/CINPlanDates/CINPlanStartDate")).isEqualTo("2026-12-14");
    }
}
