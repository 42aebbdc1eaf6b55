package com.frontline.llm.internal;

import com.frontline.shared.Terms;
import com.frontline.llm.Answer;
import com.frontline.llm.Source;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in answerer used when a workspace has no provider, and as the last hop of every failover chain. It
 * writes nothing of its own about the subject: it quotes the one to three sentences of the sources that best match
 * the question, cites them as [n], and wraps them in the tone's opening and closing. When no sentence shares a
 * content word with the question, the answer is empty and the chat uses the persona's fallback message.
 */
public final class OfflineAnswerer {

    public static final String PROVIDER = "offline";
    public static final String MODEL = "extractive";

    static final int MAX_SENTENCES = 5;
    static final int MAX_CHARS = 1_000;
    /**
     * A sentence is quoted only when it scores at least this share of the best one. Five sentences, 1,000 characters
     * and half the best score were measured against three, 700 and 0.6 with {@code eval-answers} on mtrag_dev and
     * replayed on the derived sets (BENCHMARKS.md): more of the right passage is quoted (citation hit 77 → 85 %,
     * token F1 0.32 → 0.35), since reference answers run to about 90 words.
     */
    static final double NEAR_BEST = 0.5;
    /** Share of distinct word stems two sentences hold in common above which the second adds nothing. */
    static final double NEAR_DUPLICATE = 0.8;
    /** Shorter pieces are headings or fragments, not sentences worth quoting. */
    static final int MIN_WORDS = 4;
    /** The weight of a query term the customer did not write (carried over from the conversation). */
    static final double CARRIED_WEIGHT = 0.5;
    /** The weight of a term found only in the heading or question above a sentence. */
    static final double CONTEXT_WEIGHT = 0.5;

    private static final Pattern WIKI_LINK = Pattern.compile("\\[\\[[^\\]]*]]");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)]\\((?:[^)]*)\\)");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]*}}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern CITATION = Pattern.compile("\\[\\d{1,3}]");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`+|~~");
    private static final Pattern LINE_MARKER = Pattern.compile("(?m)^\\s*(?:#{1,6}\\s+|[-*•]\\s+|\\d{1,2}[.)]\\s+|>\\s*)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"”’)]?\\s+(?=[\\p{Lu}\\p{N}\"“(])");
    private static final Pattern CONTINUABLE_END = Pattern.compile("[\\p{Ll},;]$");
    /** A yes/no question: an auxiliary first, then who, then (group 3) the verb asked about. */
    private static final Pattern YES_NO_QUESTION = Pattern.compile("^(?:(?:and|so|but|ok|okay|also|then),?\\s+)?"
            + "(can|could|may|might|do|does|did|will|would|should|shall|must|is|are|am|was|were|has|have)\\s+"
            + "(i|we|you|they|it|he|she|my\\s+\\w+|the\\s+\\w+|a\\s+\\w+|an\\s+\\w+)\\s+(?:also\\s+|still\\s+)?"
            + "([\\p{L}']+)");
    /** A sentence's last character when it ends properly (before closing quotes or brackets). */
    private static final Pattern FULL_STOP = Pattern.compile("[.!?:;…][\"”’)\\]]*$");
    /** A line without a full stop and at most this many words, followed by more text, is a heading. */
    static final int HEADING_WORDS = 12;
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("\\s+([.,;:!?])");

    public Answer answer(Persona persona, String question, List<Source> sources, String route, boolean failedOver) {
        return answer(persona, question, question, sources, route, failedOver);
    }

    /**
     * @param question the customer's words
     * @param query    the question made standalone from the conversation (the same as {@code question} when it
     *                 stands alone); its words that the customer did not write weigh {@value #CARRIED_WEIGHT}
     */
    public Answer answer(Persona persona, String question, String query, List<Source> sources, String route,
                         boolean failedOver) {
        List<Candidate> chosen = choose(question, query, sources);
        if (chosen.isEmpty()) {
            return new Answer("", List.of(), false, true, PROVIDER, MODEL, route, failedOver);
        }
        Set<Integer> cited = new LinkedHashSet<>();
        chosen.forEach(c -> cited.add(c.source()));
        return new Answer(compose(persona, question, chosen), List.copyOf(cited), false, true, PROVIDER, MODEL,
                route, failedOver);
    }

    record Candidate(int source, int position, String text, double score, Set<String> stems, Set<String> context) {

        Candidate scored(double s) {
            return new Candidate(source, position, text, s, stems, context);
        }
    }

    List<Candidate> choose(String question, List<Source> sources) {
        return choose(question, question, sources);
    }

    /**
     * The best matching sentences, at most {@value #MAX_SENTENCES}, grouped by passage (best passage first) and in
     * passage order. Each question term weighs by
     * its rarity among the sentences; a term found only in the heading or FAQ question above a sentence counts half.
     */
    List<Candidate> choose(String question, String query, List<Source> sources) {
        Set<String> own = Terms.contentStems(question);
        Set<String> asked = new LinkedHashSet<>(own);
        asked.addAll(Terms.contentStems(query));
        if (asked.isEmpty()) {
            return List.of();
        }
        List<Candidate> all = new ArrayList<>();
        for (Source source : sources) {
            int position = 0;
            for (Unit unit : units(source.text())) {
                all.add(new Candidate(source.number(), position++, unit.text(), 0, Terms.contentStems(unit.text()),
                        Terms.contentStems(unit.context())));
            }
        }
        // rarer question terms weigh more: "refund" matters more than "order" when every sentence says "order"
        Map<String, Double> weight = new HashMap<>();
        for (String term : asked) {
            long df = all.stream().filter(c -> c.stems().contains(term)).count();
            double idf = Math.log(1.0 + (all.size() + 1.0) / (df + 0.5));
            weight.put(term, own.contains(term) || own.isEmpty() ? idf : CARRIED_WEIGHT * idf);
        }
        double total = weight.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Integer, Source> byNumber = new HashMap<>();
        sources.forEach(s -> byNumber.put(s.number(), s));

        List<Candidate> scored = new ArrayList<>();
        for (Candidate c : all) {
            double matched = 0;
            double fromContext = 0;
            for (String term : asked) {
                if (c.stems().contains(term)) {
                    matched += weight.get(term);
                } else if (c.context().contains(term)) {
                    fromContext += CONTEXT_WEIGHT * weight.get(term);
                }
            }
            if (matched == 0) {
                continue; // a heading alone never makes a sentence an answer ("Internal code: X" under "Refunds")
            }
            matched += fromContext;
            Source source = byNumber.get(c.source());
            double relevance = Math.max(0, Math.min(1, source.relevance()));
            boolean titleMatch = Terms.contentStems(source.title()).stream().anyMatch(asked::contains);
            double score = 0.75 * matched / total + 0.25 * relevance + (titleMatch ? 0.05 : 0)
                    - 0.01 * c.position(); // earlier sentences of a passage usually carry its point
            if (Terms.words(c.text()).size() > 60) {
                score *= 0.8;
            }
            scored.add(c.scored(score));
        }
        // ties go to the earlier source and sentence, so the same question always gets the same answer
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::source).thenComparingInt(Candidate::position));

        List<Candidate> chosen = new ArrayList<>();
        int chars = 0;
        Set<Set<String>> seen = new HashSet<>();
        for (Candidate c : scored) {
            if (chosen.size() == MAX_SENTENCES) {
                break;
            }
            if (!chosen.isEmpty() && (c.score() < NEAR_BEST * chosen.getFirst().score()
                    || chars + c.text().length() > MAX_CHARS)) {
                continue;
            }
            if (!seen.add(c.stems()) || chosen.stream().anyMatch(k -> nearDuplicate(k.stems(), c.stems()))) {
                continue; // the same sentence in two passages, or nearly (twin documents, "5" and "five")
            }
            chosen.add(c);
            chars += c.text().length();
        }
        // each passage's sentences together and in their order, the passage with the best sentence first
        Map<Integer, Double> bestOfSource = new HashMap<>();
        chosen.forEach(c -> bestOfSource.merge(c.source(), c.score(), Math::max));
        chosen.sort(Comparator.<Candidate>comparingDouble(c -> -bestOfSource.get(c.source()))
                .thenComparingInt(Candidate::source).thenComparingInt(Candidate::position));
        return chosen;
    }

    /** Two sentences sharing at least {@value #NEAR_DUPLICATE} of their distinct word stems (Jaccard). */
    static boolean nearDuplicate(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        long shared = a.stream().filter(b::contains).count();
        return shared >= NEAR_DUPLICATE * (a.size() + b.size() - shared);
    }

    /** The source's text without markup, split into sentences; headings and fragments are dropped. */
    static List<String> sentences(String text) {
        return units(text).stream().map(Unit::text).toList();
    }

    /**
     * A quotable sentence and what stands above it: the heading of its section, or the question it answers in a
     * FAQ ("Can I get a transcript? All oral arguments are recorded."). The context helps choose the sentence but is
     * never quoted itself.
     */
    record Unit(String text, String context) {
    }

    /**
     * The source's sentences worth quoting, in order. Dropped: headings (a short line without a full stop that is
     * followed by more text, or a Markdown heading), questions (in a FAQ they are headings too), fragments of fewer
     * than {@value #MIN_WORDS} words, and the cut ends of a passage: a first sentence that starts in lower case and a
     * last one that stops without a full stop (passages are windows of longer documents).
     */
    static List<Unit> units(String text) {
        String plain = stripMarkup(text);
        List<Unit> units = new ArrayList<>();
        List<String> blocks = blocks(plain);
        String context = "";
        for (int b = 0; b < blocks.size(); b++) {
            String paragraph = blocks.get(b);
            boolean marked = LINE_MARKER.matcher(paragraph).lookingAt();
            boolean bullet = marked && !paragraph.stripLeading().startsWith("#") && !paragraph.stripLeading()
                    .startsWith(">");
            String line = LINE_MARKER.matcher(paragraph).replaceAll("").replaceAll("\\s+", " ").strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean last = b == blocks.size() - 1;
            if (paragraph.stripLeading().startsWith("#")
                    || (!bullet && !last && !FULL_STOP.matcher(line).find()
                    && Terms.words(line).size() <= HEADING_WORDS)) {
                context = line;
                continue;
            }
            String[] pieces = SENTENCE_END.split(line);
            for (int i = 0; i < pieces.length; i++) {
                String s = SPACE_BEFORE_PUNCT.matcher(pieces[i].strip()).replaceAll("$1");
                if (s.isEmpty()) {
                    continue;
                }
                boolean cutStart = b == 0 && i == 0 && Character.isLowerCase(s.charAt(0));
                boolean cutEnd = last && i == pieces.length - 1 && !bullet && !FULL_STOP.matcher(s).find();
                if (s.endsWith("?")) {
                    context = s;
                    continue;
                }
                if (cutStart || cutEnd || Terms.words(s).size() < MIN_WORDS) {
                    continue;
                }
                units.add(new Unit(s, context));
            }
        }
        return units;
    }

    /**
     * Lines joined into blocks: a hard-wrapped sentence continues on the next line in lower case, after a line that
     * ends in a lower-case letter or a comma and is no heading; any other line break ends a block.
     */
    static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentIsHeading = false;
        for (String line : text.split("\\n")) {
            String t = line.strip();
            boolean continues = !current.isEmpty() && !currentIsHeading && !t.isEmpty()
                    && Character.isLowerCase(t.charAt(0)) && CONTINUABLE_END.matcher(current).find();
            if (continues) {
                current.append(' ').append(t);
            } else {
                if (!current.isEmpty()) {
                    blocks.add(current.toString());
                }
                current.setLength(0);
                current.append(t);
                currentIsHeading = t.startsWith("#");
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current.toString());
        }
        return blocks;
    }

    /** Removes chatbot links ([[...]]), Markdown, HTML tags, templates and old citation markers. */
    static String stripMarkup(String text) {
        String s = WIKI_LINK.matcher(text).replaceAll("");
        s = MD_IMAGE.matcher(s).replaceAll("");
        s = MD_LINK.matcher(s).replaceAll("$1");
        s = TEMPLATE.matcher(s).replaceAll("");
        s = HTML_TAG.matcher(s).replaceAll("");
        s = CITATION.matcher(s).replaceAll("");
        s = EMPHASIS.matcher(s).replaceAll("");
        return s.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
    }

    private static String compose(Persona persona, String question, List<Candidate> chosen) {
        Phrases phrases = Phrases.of(persona.tone(), persona.language());
        StringBuilder body = new StringBuilder();
        boolean bullets = persona.tone() == Tone.CONCISE && chosen.size() > 1;
        String verdict = persona.language().toLowerCase(java.util.Locale.ROOT).startsWith("en")
                ? yesOrNo(question, best(chosen).text()) : "";
        if (!verdict.isEmpty()) {
            body.append(verdict).append(bullets ? "\n" : " ");
        }
        for (int i = 0; i < chosen.size(); i++) {
            Candidate c = chosen.get(i);
            // one marker per passage: after the last of its sentences, not after each one
            boolean lastOfSource = i == chosen.size() - 1 || chosen.get(i + 1).source() != c.source();
            String cited = lastOfSource ? c.text() + " [" + c.source() + "]" : c.text();
            if (bullets) {
                body.append(i == 0 ? "" : "\n").append("- ").append(cited);
            } else {
                body.append(i == 0 ? "" : " ").append(cited);
            }
        }
        StringBuilder text = new StringBuilder();
        if (!phrases.opening().isEmpty()) {
            text.append(phrases.opening()).append("\n\n");
        }
        text.append(body);
        if (!phrases.closing().isEmpty()) {
            text.append("\n\n").append(phrases.closing());
        }
        return text.toString();
    }

    private static Candidate best(List<Candidate> chosen) {
        return chosen.stream().max(Comparator.comparingDouble(Candidate::score)).orElseThrow();
    }

    /**
     * "Yes." or "No." when the customer asks a yes/no question ("Can I visit the library?") and the best sentence
     * says so: it starts with yes or no, or grants or denies the asked verb ("You can visit…", "You cannot
     * visit…").
     * Empty otherwise: the quote then speaks for itself.
     */
    static String yesOrNo(String question, String sentence) {
        var q = YES_NO_QUESTION.matcher(question.strip().toLowerCase(java.util.Locale.ROOT).replace('’', '\''));
        if (!q.find()) {
            return "";
        }
        String s = sentence.toLowerCase(java.util.Locale.ROOT).replace('’', '\'');
        if (s.startsWith("yes")) {
            return "Yes.";
        }
        if (s.matches("^no\\b[,.!].*")) {
            return "No.";
        }
        String verb = q.group(3);
        if (verb == null || !Terms.isContent(verb)) {
            return "";
        }
        // the sentence must be about the same thing: it shares a word of the question besides the verb
        Set<String> about = new HashSet<>(Terms.contentStems(question));
        about.remove(Terms.stem(verb));
        if (!about.isEmpty() && Terms.contentStems(sentence).stream().noneMatch(about::contains)) {
            return "";
        }
        String stem = Pattern.quote(Terms.stem(verb));
        if (Pattern.compile("\\b(?:you|we|they|it|he|she|customers?|people|users?)\\s+"
                + "(?:cannot|can't|can not|may not|must not|mustn't|will not|won't|are not allowed to|do not|don't|"
                + "does not|doesn't|should not|shouldn't|need not|needn't)\\s+(?:\\w+\\s+)?" + stem).matcher(s)
                .find()) {
            return "No.";
        }
        if (Pattern.compile("\\b(?:you|we|they|it|he|she|customers?|people|users?)\\s+"
                + "(?:can|may|will|are allowed to|are able to|are eligible to|should|must|need to|do|does)\\s+"
                + "(?:also\\s+|still\\s+|usually\\s+)?" + stem).matcher(s).find()) {
            return "Yes.";
        }
        return "";
    }

    /** The words around the quotes, per tone; they say plainly that the answer quotes the sources. */
    public record Phrases(String opening, String closing) {

        public static Phrases of(Tone tone, String language) {
            String lang = language.toLowerCase(java.util.Locale.ROOT);
            return switch (lang) {
                case "de" -> switch (tone) {
                    case FRIENDLY -> new Phrases("Gern! Das steht in unseren Hilfeartikeln:",
                            "Ich hoffe, das hilft. Fragen Sie gern nach, wenn etwas unklar ist!");
                    case FORMAL -> new Phrases("Unsere Dokumentation sagt dazu Folgendes:",
                            "Bei weiteren Fragen stehen wir Ihnen gern zur Verfügung.");
                    case CONCISE -> new Phrases("Aus unseren Hilfeartikeln:", "");
                    case CUSTOM -> new Phrases("Aus unseren Hilfeartikeln:", "");
                };
                case "fr" -> switch (tone) {
                    case FRIENDLY -> new Phrases("Avec plaisir ! Voici ce que disent nos articles d'aide :",
                            "J'espère que cela vous aide. N'hésitez pas si quelque chose n'est pas clair !");
                    case FORMAL -> new Phrases("Voici ce qu'indique notre documentation :",
                            "Nous restons à votre disposition pour toute autre question.");
                    case CONCISE, CUSTOM -> new Phrases("D'après nos articles d'aide :", "");
                };
                case "es" -> switch (tone) {
                    case FRIENDLY -> new Phrases("¡Con gusto! Esto es lo que dicen nuestros artículos de ayuda:",
                            "Espero que te sirva. ¡Pregunta si algo no queda claro!");
                    case FORMAL -> new Phrases("Nuestra documentación indica lo siguiente:",
                            "Quedamos a su disposición para cualquier otra consulta.");
                    case CONCISE, CUSTOM -> new Phrases("Según nuestros artículos de ayuda:", "");
                };
                case "nl" -> switch (tone) {
                    case FRIENDLY -> new Phrases("Graag! Dit staat er in onze helpartikelen:",
                            "Ik hoop dat dit helpt. Vraag gerust verder als iets niet duidelijk is!");
                    case FORMAL -> new Phrases("Onze documentatie vermeldt het volgende:",
                            "Wij helpen u graag verder als u nog vragen heeft.");
                    case CONCISE, CUSTOM -> new Phrases("Uit onze helpartikelen:", "");
                };
                default -> switch (tone) {
                    case FRIENDLY -> new Phrases("Happy to help! Here's what our help articles say:",
                            "I hope that helps. Just ask if anything is unclear!");
                    case FORMAL -> new Phrases("Our documentation states the following:",
                            "Please let us know if you require any further assistance.");
                    case CONCISE -> new Phrases("From our help articles:", "");
                    case CUSTOM -> new Phrases("From our help articles:", "");
                };
            };
        }
    }
}
