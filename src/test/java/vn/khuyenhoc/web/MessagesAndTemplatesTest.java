package vn.khuyenhoc.web;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

import vn.khuyenhoc.fund.FundCategory;
import vn.khuyenhoc.fund.FundDirection;
import vn.khuyenhoc.member.Gender;
import vn.khuyenhoc.member.MemberStatus;
import vn.khuyenhoc.member.roster.RosterColumn;
import vn.khuyenhoc.orgunit.OrgUnitKind;
import vn.khuyenhoc.rollup.Figure;
import vn.khuyenhoc.rollup.ShareKind;
import vn.khuyenhoc.registration.RecognisingLevel;
import vn.khuyenhoc.registration.RegistrationStatus;
import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.registration.UnitType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string is a key of both languages: the two message files hold the same keys, every key a template or
 * the code uses exists in both, and no template shows hard-coded text.
 */
class MessagesAndTemplatesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path JAVA = Path.of("src/main/java");

    /**
     * Keys built at run time from a prefix and a value: the values each prefix can take. A new prefix in a template
     * or in the code makes this test fail until it is listed here.
     */
    private static final Map<String, Set<String>> DYNAMIC_SUFFIXES = Map.ofEntries(
            Map.entry("unit.kind.", names(OrgUnitKind.values())),
            Map.entry("unit.children.", Set.of("CENTRAL", "PROVINCE", "COMMUNE")), // grassroots units have none
            Map.entry("unit.column.childCount.", Set.of("0", "1")),
            Map.entry("unit.title.", adminTypesAndPlain()),
            Map.entry("audit.entityType.", auditedEntityTypes()),
            // issue 14
            Map.entry("commendation.form.", Set.of("EMULATION_FLAG", "CERTIFICATE_OF_MERIT", "COMMENDATION_CERTIFICATE")),
            Map.entry("commendation.level.", Set.of("NATIONAL", "PROVINCE", "COMMUNE")),
            Map.entry("commendation.recipientKind.", Set.of("COLLECTIVE", "INDIVIDUAL")),
            Map.entry("closing.action.", Set.of("CLOSE", "REOPEN")),
            Map.entry("dashboard.kind.", names(TitleKind.values())),
            Map.entry("figure.", Arrays.stream(Figure.values()).map(Figure::key).collect(Collectors.toSet())),
            Map.entry("export.level.", Set.of("0", "1", "2")),
            Map.entry("registration.kind.", names(TitleKind.values())),
            Map.entry("registration.subjectName.", names(TitleKind.values())),
            Map.entry("registration.subjectName.required.", names(TitleKind.values())),
            Map.entry("registration.duplicate.", names(TitleKind.values())),
            Map.entry("registration.status.", names(RegistrationStatus.values())),
            Map.entry("registration.recognisingLevel.", names(RecognisingLevel.values())),
            Map.entry("registration.unitType.", names(UnitType.values())),
            Map.entry("evaluation.saved.", Set.of("RECOGNISED", "NOT_RECOGNISED")),
            Map.entry("evaluation.saved.one.", Set.of("RECOGNISED", "NOT_RECOGNISED")),
            Map.entry("scores.saved.", Set.of("RECOGNISED", "NOT_RECOGNISED")),
            Map.entry("member.gender.", names(Gender.values())),
            Map.entry("member.status.", names(MemberStatus.values())),
            Map.entry("member.statusChanged.", names(MemberStatus.values())),
            Map.entry("member.sort.", Set.of("relevance", "name", "card", "joined", "asc", "desc")),
            Map.entry("member.import.help.", Arrays.stream(RosterColumn.values()).map(RosterColumn::field).collect(Collectors.toSet())),
            Map.entry("fund.category.", names(FundCategory.values())),
            Map.entry("fund.direction.", names(FundDirection.values())),
            Map.entry("fund.counterparty.", names(FundDirection.values())),
            Map.entry("fund.counterpartyLabel.", names(FundDirection.values())),
            Map.entry("fund.new.", names(FundDirection.values())),
            Map.entry("fund.recorded.", names(FundDirection.values())),
            Map.entry("fund.voucherTitle.", names(FundDirection.values())),
            // the yearly reports (issue 12)
            Map.entry("report.action.", Set.of("SUBMIT", "APPROVE", "RETURN", "REOPEN")),
            Map.entry("report.state.", Set.of("NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "APPROVED", "RETURNED", "ACCEPTED")),
            Map.entry("report.submit.already.", Set.of("SUBMITTED", "APPROVED")),
            Map.entry("reporting.sort.", Set.of("name", "code", "province", "state")),
            // issue 11: shares and targets
            Map.entry("shares.children.noun.", Set.of("1", "2", "3")),
            Map.entry("shares.denominator.", Arrays.stream(ShareKind.values()).map(ShareKind::denominatorKey).collect(Collectors.toSet())),
            Map.entry("shares.denominators.children.", Set.of("1", "2")),
            Map.entry("shares.kind.", Arrays.stream(ShareKind.values()).map(ShareKind::key).collect(Collectors.toSet())),
            Map.entry("shares.targetOf.", Arrays.stream(ShareKind.values()).map(ShareKind::key).collect(Collectors.toSet())),
            Map.entry("shares.source.children.", Set.of("1", "2", "3")),
            Map.entry("shares.source.incomplete.", Set.of("1", "2", "3")),
            Map.entry("shares.status.", Set.of("met", "notMet", "unknown")));

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> vi = messages("vi").keySet();
        Set<String> en = messages("en").keySet();
        assertThat(difference(vi, en)).as("in messages_vi.properties but not in messages_en.properties").isEmpty();
        assertThat(difference(en, vi)).as("in messages_en.properties but not in messages_vi.properties").isEmpty();
    }

    @Test
    void noKeyIsDefinedTwiceInOneFile() {
        for (String language : List.of("vi", "en")) {
            List<String> keys = lines(RESOURCES.resolve("messages_" + language + ".properties")).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!"))
                    .map(l -> l.split("[=:]", 2)[0].strip())
                    .toList();
            Set<String> seen = new TreeSet<>();
            Set<String> twice = keys.stream().filter(k -> !seen.add(k)).collect(Collectors.toCollection(TreeSet::new));
            assertThat(twice).as("keys defined twice in messages_%s.properties (the last one wins silently)", language)
                    .isEmpty();
        }
    }

    @Test
    void everyMessageIsTranslatedWithTheSameArguments() {
        Map<String, String> vi = messages("vi");
        Map<String, String> en = messages("en");
        Map<String, String> problems = new TreeMap<>();
        for (String key : vi.keySet()) {
            if (!en.containsKey(key)) {
                continue;
            }
            for (Map.Entry<String, String> message : Map.of("vi", vi.get(key), "en", en.get(key)).entrySet()) {
                String value = message.getValue();
                if (value.isBlank()) {
                    problems.put(key + " (" + message.getKey() + ")", "is empty");
                }
                if (value.matches("(?s).*\\{\\d.*") && value.contains("'")) {
                    problems.put(key + " (" + message.getKey() + ")", "has arguments and an apostrophe, which "
                            + "MessageFormat swallows: write '' or a typographic ’");
                }
                try {
                    new MessageFormat(value);
                }
                catch (IllegalArgumentException ex) {
                    problems.put(key + " (" + message.getKey() + ")", "is not a valid MessageFormat: " + ex.getMessage());
                }
            }
            if (!arguments(vi.get(key)).equals(arguments(en.get(key)))) {
                problems.put(key, "takes arguments " + arguments(vi.get(key)) + " in vi but " + arguments(en.get(key))
                        + " in en");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyThatTemplatesAndCodeUseExistsInBothLanguages() {
        Map<String, String> vi = messages("vi");
        Map<String, String> en = messages("en");
        Map<String, Set<String>> used = usedKeys();
        assertThat(used).as("the scan found the keys of the layout").containsKey("app.name").containsKey("unit.title.xa");
        Map<String, Set<String>> missing = new TreeMap<>();
        used.forEach((key, where) -> {
            if (!vi.containsKey(key) || !en.containsKey(key)) {
                missing.put(key + (vi.containsKey(key) ? " (missing in en)" : en.containsKey(key) ? " (missing in vi)" : ""),
                        where);
            }
        });
        assertThat(missing).as("keys used but not defined in both messages_vi and messages_en").isEmpty();
    }

    @Test
    void everyKeyBuiltAtRunTimeHasAKnownPrefix() {
        Map<String, Set<String>> prefixes = dynamicPrefixes();
        assertThat(prefixes).as("the scan found the dynamic keys of the templates").containsKey("unit.kind.");
        Map<String, Set<String>> unknown = new TreeMap<>(prefixes);
        unknown.keySet().removeAll(DYNAMIC_SUFFIXES.keySet());
        assertThat(unknown).as("keys built from a prefix at run time: list the values each can take in DYNAMIC_SUFFIXES")
                .isEmpty();
    }

    @Test
    void everyAuditedEntityTypeCanBeChosenOnTheAuditPage() {
        String page = read(TEMPLATES.resolve("audit/list.html"));
        Matcher list = Pattern.compile("\\$\\{\\s*\\{([^}]*)}\\s*}").matcher(page);
        assertThat(list.find()).as("the list of entity types in audit/list.html").isTrue();
        Set<String> offered = Arrays.stream(list.group(1).split(",")).map(s -> s.strip().replace("'", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(offered).containsExactlyInAnyOrderElementsOf(auditedEntityTypes());
    }

    @Test
    void noTemplateShowsHardCodedText() {
        Map<String, List<String>> found = new TreeMap<>();
        for (Path template : templates()) {
            List<String> texts = new ArrayList<>();
            visit(parse(template), false, texts);
            if (!texts.isEmpty()) {
                found.put(TEMPLATES.relativize(template).toString(), texts);
            }
        }
        assertThat(found).as("visible text outside th:text/th:utext: move it into messages_vi/en.properties").isEmpty();
    }

    @Test
    void theHardCodedTextCheckFindsWhatItShould() {
        List<String> texts = new ArrayList<>();
        visit(parse("""
                <html><head><title th:text="#{x}">Tiêu đề</title><style>p { color: red }</style></head>
                <body><h1>Xin chào</h1><p th:utext="#{y}">Mẫu</p><script>var a = 'b';</script><!-- ghi chú -->
                <span> — · 12 </span><img src="a.png" alt="Ảnh"><input placeholder="Tên"><p>[[#{z}]]</p></body></html>
                """), false, texts);
        assertThat(texts).containsExactly("<h1> Xin chào", "<img alt> Ảnh", "<input placeholder> Tên");
    }

    // --- reading the messages -------------------------------------------------------------------------------------

    private static Map<String, String> messages(String language) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Map<String, String> messages = new TreeMap<>();
        properties.forEach((k, v) -> messages.put((String) k, (String) v));
        return messages;
    }

    private static Set<String> arguments(String message) {
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(message);
        Set<String> args = new TreeSet<>();
        while (m.find()) {
            args.add(m.group(1));
        }
        return args;
    }

    // --- keys the templates and the code use ----------------------------------------------------------------------

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
    private static final Pattern FRAGMENT_LABEL = Pattern.compile("fragments/forms\\s*::\\s*\\w+\\('[^']*',\\s*'([\\w.]+)'");
    private static final Pattern TEMPLATE_PREFIX = Pattern.compile(
            "(?:#messages\\.msg(?:OrNull)?\\(\\s*|#\\{\\$\\{\\s*)'([\\w.]+\\.)'\\s*\\+");
    private static final List<Pattern> JAVA_KEYS = List.of(
            Pattern.compile("\"notice\",\\s*\"([\\w.]*\\w)\""),
            Pattern.compile("FieldConflictException\\(\\s*\"\\w+\",\\s*\"([\\w.]*\\w)\""),
            // a service's refusal (RuleViolationException.of / Collector.add) and a confirmation (Notices.flash)
            Pattern.compile("(?:RuleViolationException\\.of|\\.add)\\(\\s*(?:\"\\w+\"|null|[a-z]\\w*),\\s*\"([\\w.]*\\w)\""),
            Pattern.compile("Notices\\.flash\\(\\s*\\w+,\\s*\"([\\w.]*\\w)\""),
            Pattern.compile("message\\s*=\\s*\"\\{([\\w.]+)}\""),
            Pattern.compile("reject(?:Value)?\\(\\s*\"\\w+\",\\s*\"\\{?([\\w.]*\\w)}?\"\\s*[,)]"),
            Pattern.compile("reject\\(\\s*\"([\\w.]*\\w)\"\\s*\\)"),
            Pattern.compile("(?:msg|getMessage)\\(\\s*\"([\\w.]*\\w)\"\\s*[,)]"));
    private static final Pattern JAVA_PREFIX = Pattern.compile(
            "(?:(?:msg|getMessage)\\(|\"notice\",|Notices\\.flash\\(\\s*\\w+,|FieldConflictException\\(\\s*\"\\w+\",|(?:RuleViolationException\\.of|\\.add)\\(\\s*(?:\"\\w+\"|null),|reject(?:Value)?\\(\\s*\"\\w+\",)\\s*\"\\{?([\\w.]+\\.)\"\\s*\\+");

    /** Every key used, with the files that use it. */
    private static Map<String, Set<String>> usedKeys() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (Path template : templates()) {
            String html = read(template);
            String name = TEMPLATES.relativize(template).toString();
            collect(TEMPLATE_KEY, html, name, used);
            collect(FRAGMENT_LABEL, html, name, used);
        }
        for (Path source : javaSources()) {
            String java = read(source);
            for (Pattern pattern : JAVA_KEYS) {
                collect(pattern, java, source.getFileName().toString(), used);
            }
        }
        // keys built at run time: every value each prefix can take
        dynamicPrefixes().forEach((prefix, where) -> DYNAMIC_SUFFIXES.getOrDefault(prefix, Set.of())
                .forEach(suffix -> used.computeIfAbsent(prefix + suffix, k -> new TreeSet<>()).addAll(where)));
        return used;
    }

    private static Map<String, Set<String>> dynamicPrefixes() {
        Map<String, Set<String>> prefixes = new TreeMap<>();
        for (Path template : templates()) {
            String html = read(template);
            collect(TEMPLATE_PREFIX, html, TEMPLATES.relativize(template).toString(), prefixes);
            if (html.contains("titleKey")) { // OrgUnitView.titleKey(): unit.title.<adminType> or unit.title.plain
                prefixes.computeIfAbsent("unit.title.", k -> new TreeSet<>()).add(template.getFileName().toString());
            }
            if (html.contains("messageKey")) { // Figure.messageKey(): figure.<key>
                prefixes.computeIfAbsent("figure.", k -> new TreeSet<>()).add(template.getFileName().toString());
            }
        }
        for (Path source : javaSources()) {
            collect(JAVA_PREFIX, read(source), source.getFileName().toString(), prefixes);
        }
        return prefixes;
    }

    private static void collect(Pattern pattern, String text, String where, Map<String, Set<String>> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(where);
        }
    }

    /** The entity types the code writes to the audit log: the third argument of every {@code audit.record(...)}. */
    private static Set<String> auditedEntityTypes() {
        Set<String> types = new TreeSet<>();
        for (Path source : javaSources()) {
            String java = read(source);
            int call = java.indexOf("audit.record(");
            while (call >= 0) {
                List<String> arguments = arguments(java, call + "audit.record(".length());
                String type = arguments.get(2);
                if (!type.startsWith("\"")) { // a constant of this class, or Other.CONSTANT of this package
                    String declaring = java;
                    String name = type;
                    if (type.contains(".")) {
                        declaring = read(source.resolveSibling(type.substring(0, type.indexOf('.')) + ".java"));
                        name = type.substring(type.indexOf('.') + 1);
                    }
                    Matcher constant = Pattern.compile(Pattern.quote(name) + "\\s*=\\s*(\"\\w+\")").matcher(declaring);
                    assertThat(constant.find()).as("the value of %s in %s", type, source).isTrue();
                    type = constant.group(1);
                }
                types.add(type.replace("\"", ""));
                call = java.indexOf("audit.record(", call + 1);
            }
            if (java.contains("audit.recordSignIn(")) {
                types.add("SIGN_IN"); // sign-ins and sign-outs (AuditService.recordSignIn)
            }
        }
        return types;
    }

    /** The arguments of a call, split at the commas outside parentheses, from just after its opening parenthesis. */
    private static List<String> arguments(String java, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; depth >= 0; i++) {
            char c = java.charAt(i);
            if (c == '(') {
                depth++;
            }
            else if (c == ')') {
                depth--;
            }
            if ((c == ',' && depth == 0) || depth < 0) {
                arguments.add(java.substring(start, i).strip());
                start = i + 1;
            }
        }
        return arguments;
    }

    private static Set<String> adminTypesAndPlain() {
        Set<String> types = new TreeSet<>(Set.of("plain"));
        for (String file : List.of("provinces.csv", "communes.csv")) {
            try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("reference").resolve(file))) {
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                        .forEach(row -> types.add(row.get("type")));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return types;
    }

    // --- hard-coded text ------------------------------------------------------------------------------------------

    private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "label");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern INLINED = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

    private static void visit(INestableNode node, boolean replaced, List<String> found) {
        for (INode child : node.getChildren()) {
            if (child instanceof Text text && !replaced) {
                String visible = INLINED.matcher(text.getContent()).replaceAll("").strip();
                if (LETTER.matcher(visible).find()) {
                    found.add("<" + ((Element) node).getElementName() + "> " + visible.replaceAll("\\s+", " "));
                }
            }
            else if (child instanceof Element element) {
                String name = element.getElementName().toLowerCase();
                for (Map.Entry<String, String> attribute : new LinkedHashMap<>(element.getAttributeMap()).entrySet()) {
                    if (TEXT_ATTRIBUTES.contains(attribute.getKey().toLowerCase()) && attribute.getValue() != null
                            && LETTER.matcher(attribute.getValue()).find()) {
                        found.add("<" + name + " " + attribute.getKey() + "> " + attribute.getValue());
                    }
                }
                boolean contentReplaced = replaced || name.equals("script") || name.equals("style")
                        || element.hasAttribute("th:text") || element.hasAttribute("th:utext")
                        || "all".equals(element.getAttributeValue("th:remove"))
                        || "body".equals(element.getAttributeValue("th:remove"));
                visit(element, contentReplaced, found);
            }
        }
    }

    private static Document parse(Path template) {
        return parse(read(template));
    }

    private static Document parse(String html) {
        try {
            return new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(new StringReader(html));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    // --- files ----------------------------------------------------------------------------------------------------

    private static List<Path> templates() {
        return files(TEMPLATES, ".html");
    }

    private static List<Path> javaSources() {
        return files(JAVA, ".java");
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
