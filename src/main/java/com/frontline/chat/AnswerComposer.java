package com.frontline.chat;

import com.frontline.assistants.AssistantConfig;
import com.frontline.llm.Answer;
import com.frontline.llm.AnswerRequest;
import com.frontline.llm.AssistantGateway;
import com.frontline.llm.ModelSettings;
import com.frontline.llm.OfflinePhrases;
import com.frontline.llm.ProviderFailure;
import com.frontline.llm.Source;
import com.frontline.llm.Speaker;
import com.frontline.llm.TokenSink;
import com.frontline.llm.Turn;
import com.frontline.search.Audience;
import com.frontline.search.KnowledgeSearch;
import com.frontline.search.Passage;
import com.frontline.search.SearchUnavailableException;
import com.frontline.shared.TenantId;
import com.frontline.tenants.Persona;
import com.frontline.tenants.TenantService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a customer's question into an answer: the question is made standalone from the conversation, the
 * workspace's knowledge is searched, the assistant (a model or the offline answerer) writes an answer from the best
 * passages, and the answer is scored. Below the threshold the answer becomes the persona's fallback. All of it with
 * one assistant configuration, handed in by the caller.
 */
@Component
class AnswerComposer {

    private static final Logger log = LoggerFactory.getLogger(AnswerComposer.class);
    /** Passages offered to the answerer. */
    static final int SOURCES = 5;
    static final int SNIPPET = 240;

    private final KnowledgeSearch search;
    private final AssistantGateway assistant;
    private final TenantService tenants;
    private final Streaming streaming;
    private final List<VerifiedAnswers> verified;

    AnswerComposer(KnowledgeSearch search, AssistantGateway assistant, TenantService tenants, Streaming streaming,
                   List<VerifiedAnswers> verified) {
        this.verified = List.copyOf(verified);
        this.search = search;
        this.assistant = assistant;
        this.tenants = tenants;
        this.streaming = streaming;
    }

    record Composed(String text, List<Citation> citations, double confidence, boolean lowConfidence,
                    boolean extractive, boolean handoffRequested, String provider, String model, String query,
                    List<Passage> passages, List<ProviderFailure> failures, @Nullable UUID verifiedCorrectionId) {
    }

    /**
     * Answers with the given configuration (an assistant version's, or the draft): its persona, retrieval settings,
     * routing rules and providers, and confidence threshold; nothing of these is read from the settings meanwhile.
     *
     * @param audience who reads the answer: a widget visitor's answer may only rest on public passages
     * @param version  the assistant version answering, recorded with its model calls; null for the draft
     */
    Composed compose(TenantId tenant, Audience audience, UUID conversationId, AssistantConfig config,
                     @Nullable Integer version, List<ChatMessage> history, String question, TokenSink sink) {
        Persona persona = config.persona();
        double threshold = config.confidenceThreshold();
        ModelSettings models = config.modelSettings();
        var smallTalk = SmallTalk.reply(persona, question); // "Hi", "ok thanks, bye": answered in kind, no search
        if (smallTalk.isPresent()) {
            streaming.stream(smallTalk.get(), sink);
            return new Composed(smallTalk.get(), List.of(), 1, false, false, false, SmallTalk.PROVIDER,
                    SmallTalk.MODEL, question, List.of(), List.of(), null);
        }
        List<Turn> turns = turns(SmallTalk.withoutSmallTalk(history));
        String query = assistant.standaloneQuestion(tenant, turns, question, models, version);
        for (VerifiedAnswers source : verified) { // an approved correction answers before any retrieval
            var match = source.match(tenant, audience, query);
            if (match.isPresent()) {
                return verifiedAnswer(match.get(), query, sink);
            }
        }
        List<Passage> passages;
        try {
            passages = search.search(tenant, audience, query, config.retrievalSettings());
        } catch (SearchUnavailableException e) {
            log.warn("Search is unavailable, answering without knowledge: {}", e.getMessage());
            passages = List.of();
        }
        List<Passage> offered = passages.stream().limit(SOURCES).toList();
        // sentences linking to other websites than the workspace's own are never given to the answerer (model or
        // offline), so they are never quoted to customers; the document page lists them for the admin
        List<String> origins = offered.isEmpty() ? List.of() : tenants.widget(tenant).allowedOrigins();
        List<String> texts = offered.stream().map(p -> Quotes.withoutForeignLinks(p.text(), origins)).toList();
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            Passage p = offered.get(i);
            sources.add(new Source(i + 1, label(p), texts.get(i), p.relevance()));
        }
        Answer answer = assistant.answer(new AnswerRequest(tenant, conversationId, persona, turns, question, query,
                sources, models, version), sink);
        double confidence = answer.text().isBlank() || offered.isEmpty() ? 0
                : Confidence.score(AnswerSignals.of(question, query, offered.stream()
                        .map(p -> new AnswerSignals.Ranked(p.relevance(), p.bm25Rank(), p.denseRank())).toList(),
                        body(answer, persona), texts), answer.extractive());
        boolean low = confidence < threshold;
        // not sure, and the question is vague while the passages are about different things: ask which one is meant
        var clarification = low && !answer.handoffRequested()
                ? Clarification.question(question, offered, persona.language()) : java.util.Optional.<String>empty();
        if (clarification.isPresent()) {
            if (answer.streamed() && !answer.text().isBlank()) {
                sink.restart(); // a model's unsure answer was shown as it came: take it back
            }
            streaming.stream(clarification.get(), sink);
            return new Composed(clarification.get(), List.of(), confidence, false, false, false, answer.provider(),
                    Clarification.MODEL, query, passages, answer.failures(), null);
        }
        CitationNumbers.Renumbered numbered = CitationNumbers.renumber(answer.text(), answer.citedSources());
        List<Citation> citations = low ? List.of() : citations(offered, texts, numbered);
        String text = low ? persona.fallbackMessage() : numbered.text();
        if (answer.streamed() && low && !answer.text().isBlank()) {
            sink.restart(); // a model's unsure answer was shown as it came: take it back
        }
        if (!answer.streamed() || low) {
            streaming.stream(text, sink); // the offline answer or the fallback, shown once it is decided
        }
        return new Composed(text, citations, confidence, low, answer.extractive() && !low, answer.handoffRequested(),
                answer.provider(), answer.model(), query, passages, answer.failures(), null);
    }

    /** The approved text as it is, with its source link, when it has one, as the citation. */
    private Composed verifiedAnswer(VerifiedAnswers.Match match, String query, TokenSink sink) {
        streaming.stream(match.answer(), sink);
        List<Citation> citations = match.sourceUrl() == null ? List.of()
                : List.of(new Citation(1, match.correctionId(), "CORRECTION", "Verified answer", match.question(),
                        match.sourceUrl()));
        // its confidence is how close the question came to the approved one: the answer itself the team vouches for
        return new Composed(match.answer(), citations, match.similarity(), false, false, false, "frontline",
                VerifiedAnswers.MODEL,
                query, List.of(), List.of(), match.correctionId());
    }

    /** The answer without the offline answerer's fixed opening and closing lines, which say nothing of the subject. */
    private static String body(Answer answer, Persona persona) {
        String body = answer.text();
        if (answer.extractive()) {
            for (String phrase : OfflinePhrases.of(persona)) {
                body = body.replace(phrase, " ");
            }
        }
        return body;
    }

    private static List<Turn> turns(List<ChatMessage> history) {
        List<Turn> turns = new ArrayList<>();
        for (ChatMessage m : history) {
            @Nullable Speaker speaker = switch (m.author()) {
                case CUSTOMER -> Speaker.CUSTOMER;
                case ASSISTANT -> Speaker.ASSISTANT;
                case AGENT -> Speaker.AGENT;
                case SYSTEM -> null;
            };
            if (speaker != null) {
                turns.add(new Turn(speaker, m.text()));
            }
        }
        return turns;
    }

    private static List<Citation> citations(List<Passage> offered, List<String> texts,
                                            CitationNumbers.Renumbered answer) {
        List<Citation> citations = new ArrayList<>();
        for (int n : answer.sources()) {
            if (n < 1 || n > offered.size()) {
                continue; // a model citing a source it was not given
            }
            Passage p = offered.get(n - 1);
            citations.add(new Citation(answer.numberOf(n), p.documentId(), p.sourceType(), label(p),
                    Quotes.quoted(texts.get(n - 1), answer.text(), SNIPPET), p.sourceUrl()));
        }
        return citations;
    }

    /** The passage's document title and the headings above it, e.g. "Returns policy › Refund timing". */
    static String label(Passage p) {
        List<String> headings = p.headingPath().stream()
                .filter(h -> !h.equalsIgnoreCase(p.title().strip())).toList();
        return headings.isEmpty() ? p.title() : p.title() + " › " + String.join(" › ", headings);
    }

    static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= SNIPPET) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SNIPPET);
        return flat.substring(0, cut > SNIPPET / 2 ? cut : SNIPPET) + "…";
    }
}
