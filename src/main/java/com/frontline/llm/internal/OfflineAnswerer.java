package com.frontline.llm.internal;

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

    static final int MAX_SENTENCES = 3;
    static final int MAX_CHARS = 700;
    /** Shorter pieces are headings or fragments, not sentences worth quoting. */
    static final int MIN_WORDS = 4;

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
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("\\s+([.,;:!?])");

    public Answer answer(Persona persona, String question, List<Source> sources, String route, boolean failedOver) {
        List<Candidate> chosen = choose(question, sources);
        if (chosen.isEmpty()) {
            return new Answer("", List.of(), false, true, PROVIDER, MODEL, route, failedOver);
        }
        Set<Integer> cited = new LinkedHashSet<>();
        chosen.forEach(c -> cited.add(c.source()));
        return new Answer(compose(persona, chosen), List.copyOf(cited), false, true, PROVIDER, MODEL, route,
                failedOver);
    }

    record Candidate(int source, int position, String text, double score, Set<String> stems) {
    }

    /** The best matching sentences, at most {@link #MAX_SENTENCES}, in source order. */
    List<Candidate> choose(String question, List<Source> sources) {
        Set<String> asked = Terms.contentStems(question);
        if (asked.isEmpty()) {
            return List.of();
        }
        List<Candidate> all = new ArrayList<>();
        for (Source source : sources) {
            int position = 0;
            for (String sentence : sentences(source.text())) {
                all.add(new Candidate(source.number(), position++, sentence, 0, Terms.contentStems(sentence)));
            }
        }
        // rarer question terms weigh more: "refund" matters more than "order" when every sentence says "order"
        Map<String, Double> weight = new HashMap<>();
        for (String term : asked) {
            long df = all.stream().filter(c -> c.stems().contains(term)).count();
            weight.put(term, Math.log(1.0 + (all.size() + 1.0) / (df + 0.5)));
        }
        double total = weight.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<Integer, Source> byNumber = new HashMap<>();
        sources.forEach(s -> byNumber.put(s.number(), s));

        List<Candidate> scored = new ArrayList<>();
        for (Candidate c : all) {
            double matched = 0;
            for (String term : asked) {
                if (c.stems().contains(term)) {
                    matched += weight.get(term);
                }
            }
            if (matched == 0) {
                continue;
            }
            Source source = byNumber.get(c.source());
            double relevance = Math.max(0, Math.min(1, source.relevance()));
            boolean titleMatch = Terms.contentStems(source.title()).stream().anyMatch(asked::contains);
            double score = 0.75 * matched / total + 0.25 * relevance + (titleMatch ? 0.05 : 0)
                    - 0.01 * c.position(); // earlier sentences of a passage usually carry its point
            if (Terms.words(c.text()).size() > 60) {
                score *= 0.8;
            }
            scored.add(new Candidate(c.source(), c.position(), c.text(), score, c.stems()));
        }
        scored.sort(Comparator.comparingDouble(Candidate::score).reversed());

        List<Candidate> chosen = new ArrayList<>();
        int chars = 0;
        Set<Set<String>> seen = new HashSet<>();
        for (Candidate c : scored) {
            if (chosen.size() == MAX_SENTENCES) {
                break;
            }
            if (!chosen.isEmpty() && (c.score() < 0.6 * chosen.getFirst().score() || chars + c.text().length() > MAX_CHARS)) {
                continue;
            }
            if (!seen.add(c.stems())) {
                continue; // the same sentence in two passages
            }
            chosen.add(c);
            chars += c.text().length();
        }
        chosen.sort(Comparator.comparingInt(Candidate::source).thenComparingInt(Candidate::position));
        return chosen;
    }

    /** The source's text without markup, split into sentences; headings and fragments are dropped. */
    static List<String> sentences(String text) {
        String plain = stripMarkup(text);
        List<String> sentences = new ArrayList<>();
        for (String paragraph : blocks(plain)) {
            String line = LINE_MARKER.matcher(paragraph).replaceAll("").replaceAll("\\s+", " ").strip();
            for (String sentence : SENTENCE_END.split(line)) {
                String s = SPACE_BEFORE_PUNCT.matcher(sentence.strip()).replaceAll("$1");
                if (Terms.words(s).size() >= MIN_WORDS) {
                    sentences.add(s);
                }
            }
        }
        return sentences;
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

    private static String compose(Persona persona, List<Candidate> chosen) {
        Phrases phrases = Phrases.of(persona.tone(), persona.language());
        StringBuilder body = new StringBuilder();
        boolean bullets = persona.tone() == Tone.CONCISE && chosen.size() > 1;
        for (int i = 0; i < chosen.size(); i++) {
            Candidate c = chosen.get(i);
            boolean lastOfSource = i == chosen.size() - 1 || chosen.get(i + 1).source() != c.source();
            String cited = bullets || lastOfSource ? c.text() + " [" + c.source() + "]" : c.text();
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
