package com.frontline.insights;

import com.frontline.audit.AuditLog;
import com.frontline.chat.Author;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.corrections.Correction;
import com.frontline.corrections.CorrectionService;
import com.frontline.corrections.CorrectionStatus;
import com.frontline.knowledge.DocumentSummary;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.knowledge.UploadResult;
import com.frontline.search.Audience;
import com.frontline.search.KnowledgeSearch;
import com.frontline.search.Passage;
import com.frontline.search.TextEmbedder;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.TenantId;
import com.frontline.shared.Terms;
import com.frontline.shared.privacy.PersonalData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The batch analysis of conversations, the clustering of unanswered questions into knowledge gaps, and the article
 * drafts that close them.
 */
@Service
public class InsightsService {

    private static final Logger log = LoggerFactory.getLogger(InsightsService.class);
    /** A question this close (cosine) to a knowledge title is about it. */
    static final double TOPIC_SIMILARITY = 0.45;
    static final String TOPIC_BY_TITLE = "nearest knowledge title (embeddings)";
    static final String TOPIC_BY_KEYWORD = "keyword rule (most telling word)";
    static final int MAX_TITLES = 200;
    static final int MAX_GAP_QUESTIONS = 50_000;
    static final int MEMBERS_KEPT = 200;
    static final int WEEKS = 8;
    static final int RERUN_LIMIT = 20;
    /** An approved correction this close (cosine) to the cluster's centre is about its questions. */
    static final double CORRECTION_SIMILARITY = 0.6;

    private final InsightsRepository repository;
    private final ChatService chat;
    private final TextEmbedder embedder;
    private final KnowledgeService knowledge;
    private final KnowledgeSearch search;
    private final CorrectionService corrections;
    private final TransactionTemplate tx;
    private final InsightsProperties properties;
    private final AuditLog audit;
    /** Per workspace: its knowledge titles and their vectors, reused while the titles stay the same. */
    private final Map<TenantId, Titles> titles = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<TenantId, Titles> eldest) {
                    return size() > 100;
                }
            });

    private record Titles(List<String> names, List<float[]> vectors) {
    }

    InsightsService(InsightsRepository repository, ChatService chat, TextEmbedder embedder, KnowledgeService knowledge,
                    KnowledgeSearch search, CorrectionService corrections, TransactionTemplate tx,
                    InsightsProperties properties, AuditLog audit) {
        this.repository = repository;
        this.chat = chat;
        this.embedder = embedder;
        this.knowledge = knowledge;
        this.search = search;
        this.corrections = corrections;
        this.tx = tx;
        this.properties = properties;
        this.audit = audit;
    }

    public InsightsProperties properties() {
        return properties;
    }

    // ---- batch analysis ----------------------------------------------------------------------------------------

    /** Notes a customer message; returns how many customer messages the conversation has up to it. */
    int customerMessage(TenantId tenant, UUID conversationId, long seq, OffsetDateTime at) {
        repository.customerMessage(tenant, conversationId, seq, at);
        int count = 0;
        long after = 0;
        while (true) {
            List<ChatMessage> page = chat.messages(tenant, conversationId, after);
            for (ChatMessage m : page) {
                if (m.seq() <= seq && m.author() == Author.CUSTOMER) {
                    count++;
                }
            }
            if (page.size() < 500 || page.getLast().seq() >= seq) {
                return count;
            }
            after = page.getLast().seq();
        }
    }

    /** The newest customer message noted for the conversation, if it has messages not yet analysed. */
    java.util.Optional<Long> pendingUpTo(TenantId tenant, UUID conversationId) {
        return repository.lockProgress(tenant, conversationId)
                .filter(p -> p.lastCustomerSeq() > p.analysedSeq())
                .map(InsightsRepository.Progress::lastCustomerSeq);
    }

    /**
     * Analyses the conversation's customer messages after its watermark up to {@code upToSeq}, once: the watermark
     * moves in the same transaction, and a batch whose messages are analysed already does nothing.
     *
     * @return how many messages were analysed
     */
    public int analyse(TenantId tenant, UUID conversationId, long upToSeq) {
        return Objects.requireNonNull(tx.execute(s -> {
            var progress = repository.lockProgress(tenant, conversationId);
            if (progress.isEmpty()) {
                return 0; // never noted, or erased since the batch was enqueued: nothing to analyse
            }
            long from = progress.get().analysedSeq();
            if (from >= upToSeq) {
                return 0;
            }
            List<ChatMessage> messages = messagesAfter(tenant, conversationId, from);
            List<MessageInsight> read = read(tenant, messages, upToSeq);
            List<String> unansweredTexts = read.stream().filter(m -> !m.answered()).map(MessageInsight::question)
                    .toList();
            Map<String, float[]> vectors = embed(unansweredTexts);
            int stored = 0;
            for (MessageInsight m : read) {
                if (repository.insert(tenant, m, m.answered() ? null : vectors.get(m.question()))) {
                    stored++;
                }
            }
            repository.advance(tenant, conversationId, upToSeq, OffsetDateTime.now());
            return stored;
        }));
    }

    private List<ChatMessage> messagesAfter(TenantId tenant, UUID conversationId, long after) {
        List<ChatMessage> all = new ArrayList<>();
        long from = after;
        while (true) {
            List<ChatMessage> page = chat.messages(tenant, conversationId, from);
            all.addAll(page);
            if (page.size() < 500) {
                return all;
            }
            from = page.getLast().seq();
        }
    }

    /** The analyses of the customer messages up to {@code upToSeq}; the messages after them give their replies. */
    private List<MessageInsight> read(TenantId tenant, List<ChatMessage> messages, long upToSeq) {
        List<ChatMessage> asked = messages.stream()
                .filter(m -> m.author() == Author.CUSTOMER && m.seq() <= upToSeq).toList();
        if (asked.isEmpty()) {
            return List.of();
        }
        List<String> texts = asked.stream().map(m -> PersonalData.redact(m.text())).toList();
        Topics topics = topics(tenant, texts);
        List<MessageInsight> out = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            ChatMessage m = asked.get(i);
            String text = texts.get(i);
            Intent intent = LocalAnalysis.intent(m.text());
            double score = LocalAnalysis.sentimentScore(m.text());
            AnswerSignal signal = LocalAnalysis.answered(intent, reply(messages, m), properties.lowConfidence());
            out.add(new MessageInsight(m.id(), m.conversationId(), m.seq(), text, m.createdAt(), topics.topic(i),
                    topics.method(i), intent, LocalAnalysis.sentiment(score), score, LanguageGuess.of(m.text()),
                    signal, LocalAnalysis.METHOD));
        }
        return out;
    }

    /** The assistant's reply to a customer message: its first answer before the customer wrote again. */
    private static LocalAnalysis.@Nullable Reply reply(List<ChatMessage> messages, ChatMessage question) {
        ChatMessage m = replyMessage(messages, question);
        return m == null ? null : new LocalAnalysis.Reply(m.confidence(), m.lowConfidence(), m.feedback(),
                m.handedOff(), m.smallTalk());
    }

    private static @Nullable ChatMessage replyMessage(List<ChatMessage> messages, ChatMessage question) {
        for (ChatMessage m : messages) {
            if (m.seq() <= question.seq()) {
                continue;
            }
            if (m.author() == Author.CUSTOMER) {
                return null;
            }
            if (m.author() == Author.ASSISTANT) {
                return m;
            }
        }
        return null;
    }

    /**
     * Judges again whether the conversation's analysed questions were answered, from their replies as they are now:
     * a 👎, a handoff or a correction that came after the batch ran turns an answered question into a gap (and a
     * later 👍 may turn it back). A question whose answer was corrected stays a gap. Idempotent: a second call with
     * nothing new changes nothing. Messages not analysed yet are left to their batch.
     *
     * @param correctedAnswer an assistant answer a teammate corrected, or null
     * @return how many questions were judged differently
     */
    public int rejudge(TenantId tenant, UUID conversationId, @Nullable UUID correctedAnswer) {
        return Objects.requireNonNull(tx.execute(s -> {
            var progress = repository.lockProgress(tenant, conversationId);
            if (progress.isEmpty() || progress.get().analysedSeq() == 0) {
                return 0;
            }
            List<MessageInsight> stored = repository.insights(tenant, conversationId);
            if (stored.isEmpty()) {
                return 0;
            }
            List<ChatMessage> messages = messagesAfter(tenant, conversationId, 0);
            Map<UUID, ChatMessage> byId = new HashMap<>();
            messages.forEach(m -> byId.put(m.id(), m));
            int changed = 0;
            for (MessageInsight m : stored) {
                ChatMessage question = byId.get(m.messageId());
                if (question == null || m.answerSignal() == AnswerSignal.CORRECTED) {
                    continue;
                }
                ChatMessage replied = replyMessage(messages, question);
                AnswerSignal signal = replied != null && replied.id().equals(correctedAnswer) && m.intent().asks()
                        ? AnswerSignal.CORRECTED
                        : LocalAnalysis.answered(m.intent(), reply(messages, question), properties.lowConfidence());
                if (signal == m.answerSignal()) {
                    continue;
                }
                repository.judge(tenant, m.messageId(), signal);
                if (!signal.answered() && !m.question().isBlank() && !repository.hasVector(tenant, m.messageId())) {
                    repository.insertVector(tenant, m.messageId(), embedder.embedAll(List.of(m.question())).getFirst());
                }
                changed++;
            }
            if (changed > 0) {
                log.debug("Workspace {}: {} questions of conversation {} judged again", tenant, changed,
                        conversationId);
            }
            return changed;
        }));
    }

    private record Topics(List<String> topics, List<String> methods) {
        String topic(int i) {
            return topics.get(i);
        }

        String method(int i) {
            return methods.get(i);
        }
    }

    /** Each text's nearest knowledge title when one is close enough, else its most telling word. */
    private Topics topics(TenantId tenant, List<String> texts) {
        Titles known = titles(tenant);
        List<float[]> vectors = known.names().isEmpty() ? List.of() : embedder.embedAll(texts.stream()
                .map(t -> t.isBlank() ? "?" : t).toList());
        List<String> topics = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String best = null;
            double bestScore = TOPIC_SIMILARITY;
            for (int t = 0; t < known.names().size() && !vectors.isEmpty(); t++) {
                double c = cosine(vectors.get(i), known.vectors().get(t));
                if (c >= bestScore) {
                    bestScore = c;
                    best = known.names().get(t);
                }
            }
            if (best != null) {
                topics.add(best);
                methods.add(TOPIC_BY_TITLE);
            } else {
                topics.add(keyword(texts.get(i)));
                methods.add(TOPIC_BY_KEYWORD);
            }
        }
        return new Topics(topics, methods);
    }

    /** The longest content word (a crude but stable "what is it about"), or {@code other}. */
    static String keyword(String text) {
        return Terms.words(text).stream()
                .filter(Terms::isContent)
                .filter(w -> w.length() > 2 && !w.startsWith("["))
                .max(Comparator.comparingInt(String::length).thenComparing(Comparator.reverseOrder()))
                .orElse("other");
    }

    private Titles titles(TenantId tenant) {
        List<String> names = knowledge.documents(tenant).stream().map(DocumentSummary::title).distinct()
                .limit(MAX_TITLES).toList();
        Titles cached = titles.get(tenant);
        if (cached != null && cached.names().equals(names)) {
            return cached;
        }
        Titles fresh = new Titles(names, names.isEmpty() ? List.of() : embedder.embedAll(names));
        titles.put(tenant, fresh);
        return fresh;
    }

    private Map<String, float[]> embed(List<String> texts) {
        List<String> distinct = texts.stream().filter(t -> !t.isBlank()).distinct().toList();
        Map<String, float[]> out = new HashMap<>();
        if (distinct.isEmpty()) {
            return out;
        }
        List<float[]> vectors = embedder.embedAll(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            out.put(distinct.get(i), vectors.get(i));
        }
        return out;
    }

    /** What the analysis read from one conversation's messages, in order. */
    public List<MessageInsight> insights(TenantId tenant, UUID conversationId) {
        return repository.insights(tenant, conversationId);
    }

    /** The most recent analyses of the workspace. */
    public List<MessageInsight> recentInsights(TenantId tenant, int limit) {
        return repository.recentInsights(tenant, limit);
    }

    /** The last 30 days' analyses counted by intent, sentiment, language, topic and answer signal. */
    public Map<String, Map<String, Integer>> summary(TenantId tenant) {
        OffsetDateTime since = OffsetDateTime.now().minusDays(30);
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (String column : List.of("topic", "intent", "sentiment", "language", "signal")) {
            out.put(column, repository.counts(tenant, column, since));
        }
        return out;
    }

    // ---- clustering --------------------------------------------------------------------------------------------

    /** The last clustering, if any. */
    public java.util.Optional<GapCluster.Run> lastRun(TenantId tenant) {
        return repository.run(tenant);
    }

    public List<GapCluster> clusters(TenantId tenant) {
        return repository.clusters(tenant);
    }

    public GapCluster cluster(TenantId tenant, UUID id) {
        return repository.cluster(tenant, id).orElseThrow(() -> NotFoundException.of("Cluster", id));
    }

    public List<GapCluster.Member> members(TenantId tenant, UUID clusterId) {
        cluster(tenant, clusterId);
        return repository.members(tenant, clusterId, MEMBERS_KEPT);
    }

    /** How many unanswered questions the clustering would read now. */
    public int gapQuestionCount(TenantId tenant) {
        return repository.countGapQuestions(tenant, OffsetDateTime.now().minus(properties.window()));
    }

    /** Clusters the workspace's unanswered questions again, from their stored vectors (nothing is embedded). */
    public GapCluster.Run recluster(TenantId tenant) {
        OffsetDateTime now = OffsetDateTime.now();
        long started = System.nanoTime();
        List<InsightsRepository.GapQuestion> questions = repository.gapQuestions(tenant,
                now.minus(properties.window()), MAX_GAP_QUESTIONS);
        List<InsightsRepository.NewCluster> clusters = new ArrayList<>();
        GapCluster.Run run;
        if (questions.size() < properties.minQuestions()) {
            run = new GapCluster.Run(now, questions.size(), 0, 0, "not enough questions", 0);
        } else {
            GapClustering.Result result = GapClustering.cluster(
                    questions.stream().map(InsightsRepository.GapQuestion::vector).toList(),
                    properties.minClusterSize(), properties.sampleSize());
            clusters = build(questions, result.labels(), now);
            int clustered = clusters.stream().mapToInt(InsightsRepository.NewCluster::volume).sum();
            run = new GapCluster.Run(now, questions.size(), clustered, result.sampled(), result.method(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        GapCluster.Run stored = run;
        List<InsightsRepository.NewCluster> built = clusters;
        tx.executeWithoutResult(s -> repository.replaceClusters(tenant, stored, built));
        log.info("Workspace {}: clustered {} unanswered questions into {} clusters in {} ms", tenant,
                questions.size(), clusters.size(), run.millis());
        return run;
    }

    /** Turns cluster labels into stored clusters: centre, most central question, top terms, weekly volume. */
    static List<InsightsRepository.NewCluster> build(List<InsightsRepository.GapQuestion> questions, int[] labels,
                                                     OffsetDateTime now) {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != GapClustering.NOISE) {
                groups.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
            }
        }
        List<InsightsRepository.NewCluster> out = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            int dims = questions.get(group.getFirst()).vector().length;
            double[] centre = new double[dims];
            for (int i : group) {
                float[] v = unit(questions.get(i).vector());
                for (int d = 0; d < dims; d++) {
                    centre[d] += v[d];
                }
            }
            List<GapCluster.Member> members = new ArrayList<>();
            int[] weekly = new int[WEEKS];
            Map<String, Integer> words = new HashMap<>();
            List<String> texts = new ArrayList<>();
            for (int i : group) {
                InsightsRepository.GapQuestion q = questions.get(i);
                members.add(new GapCluster.Member(q.messageId(), q.conversationId(), q.question(), q.askedAt(),
                        cosine(centre, q.vector())));
                long days = Duration.between(q.askedAt(), now).toDays();
                int week = (int) (days / 7);
                if (week >= 0 && week < WEEKS) {
                    weekly[WEEKS - 1 - week]++;
                }
                texts.add(q.question());
                for (String w : new java.util.LinkedHashSet<>(Terms.words(q.question()))) {
                    if (Terms.isContent(w) && w.length() > 2 && !w.startsWith("[")) {
                        words.merge(w, 1, Integer::sum);
                    }
                }
            }
            members.sort(Comparator.comparingDouble(GapCluster.Member::centrality).reversed());
            List<String> terms = words.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(5).map(Map.Entry::getKey).toList();
            out.add(new InsightsRepository.NewCluster(UUID.randomUUID(), members.getFirst().question(), terms,
                    group.size(), weekly[WEEKS - 1], weekly[WEEKS - 2], Arrays.stream(weekly).boxed().toList(),
                    SpamRules.mostly(texts), members.subList(0, Math.min(MEMBERS_KEPT, members.size()))));
        }
        return out;
    }

    /** The workspaces that have unanswered questions to cluster (for the scheduled run). */
    List<TenantId> workspacesWithGaps() {
        return repository.workspacesWithGaps();
    }

    // ---- drafts ------------------------------------------------------------------------------------------------

    public List<ArticleDraft> drafts(TenantId tenant, UUID clusterId) {
        return repository.drafts(tenant, clusterId);
    }

    public ArticleDraft draft(TenantId tenant, UUID draftId) {
        return repository.draft(tenant, draftId).orElseThrow(() -> NotFoundException.of("Draft", draftId));
    }

    /**
     * Drafts an article from the cluster's questions, the agents' replies to them and the approved corrections of
     * them, and validates it.
     */
    public ArticleDraft draftArticle(CurrentTenant tenant, UUID clusterId) {
        GapCluster cluster = cluster(tenant.id(), clusterId);
        List<GapCluster.Member> members = repository.members(tenant.id(), clusterId, MEMBERS_KEPT);
        List<String> questions = members.stream().map(GapCluster.Member::question).distinct().limit(50).toList();
        List<DraftWriter.Source> sources = sources(tenant.id(), members);
        DraftWriter.Written written = DraftWriter.write(cluster.label(), questions, sources);
        DraftValidator.Result result = DraftValidator.validate(written.title(), written.body(),
                DraftWriter.sentencesOf(sources), cluster.spam(), nearest(tenant.id(), written.title(),
                        written.body()));
        ArticleDraft draft = new ArticleDraft(UUID.randomUUID(), clusterId, cluster.label(), written.title(),
                written.body(), DraftWriter.EXTRACTIVE, result.status(), result.report(),
                questions.stream().limit(RERUN_LIMIT).toList(), null, OffsetDateTime.now(), null);
        tx.executeWithoutResult(s -> {
            repository.insertDraft(tenant.id(), draft);
            audit.record(tenant.id(), tenant.actor(), "insights.draft_created", "Gap " + cluster.label(), Map.of(),
                    Map.of("status", draft.status().name()));
        });
        return draft;
    }

    /** The agents' replies to the cluster's questions, then the approved corrections of questions like them. */
    private List<DraftWriter.Source> sources(TenantId tenant, List<GapCluster.Member> members) {
        List<DraftWriter.Source> sources = new ArrayList<>();
        Map<UUID, List<ChatMessage>> byConversation = new HashMap<>();
        for (GapCluster.Member m : members.stream().limit(30).toList()) {
            List<ChatMessage> messages = byConversation.computeIfAbsent(m.conversationId(),
                    c -> messagesAfter(tenant, c, 0));
            boolean after = false;
            for (ChatMessage msg : messages) {
                if (msg.id().equals(m.messageId())) {
                    after = true;
                } else if (after && msg.author() == Author.CUSTOMER) {
                    break;
                } else if (after && msg.author() == Author.AGENT) {
                    sources.add(new DraftWriter.Source("agent reply", msg.text()));
                }
            }
        }
        List<Correction> approved = corrections.queue(tenant, CorrectionStatus.APPROVED).items();
        if (!approved.isEmpty() && !members.isEmpty()) {
            List<float[]> memberVectors = embedder.embedAll(members.stream().limit(20)
                    .map(GapCluster.Member::question).toList());
            double[] centre = new double[memberVectors.getFirst().length];
            for (float[] v : memberVectors) {
                float[] u = unit(v);
                for (int d = 0; d < centre.length; d++) {
                    centre[d] += u[d];
                }
            }
            List<float[]> corrected = embedder.embedAll(approved.stream().map(Correction::question).toList());
            for (int i = 0; i < approved.size(); i++) {
                if (cosine(centre, corrected.get(i)) >= CORRECTION_SIMILARITY) {
                    sources.add(new DraftWriter.Source("approved correction", approved.get(i).answer()));
                }
            }
        }
        return sources;
    }

    /** The existing knowledge passage most like the draft (the knowledge search, as the team sees it). */
    private DraftValidator.@Nullable Nearest nearest(TenantId tenant, String title, String body) {
        String query = (title + "\n" + body).strip();
        if (query.isEmpty()) {
            return null;
        }
        if (query.length() > KnowledgeSearch.MAX_QUERY_CHARS) {
            query = query.substring(0, KnowledgeSearch.MAX_QUERY_CHARS);
        }
        try {
            List<Passage> hits = search.search(tenant, Audience.TEAM, query);
            return hits.stream().max(Comparator.comparingDouble(Passage::relevance))
                    .map(p -> new DraftValidator.Nearest(p.title(), p.relevance())).orElse(null);
        } catch (RuntimeException e) {
            log.warn("Workspace {}: the duplicate check could not search the knowledge: {}", tenant, e.toString());
            return new DraftValidator.Nearest("(the knowledge search is unavailable)", 1.0);
        }
    }

    /**
     * Saves a validated draft, as the admin edited it, into the knowledge base (re-indexed by the knowledge module).
     * The edited text is checked again for emptiness, personal data, duplicates and spam (not for grounding: the
     * admin may write their own words).
     *
     * @throws InvalidInputException the draft was rejected or saved already, or the edit fails a check
     */
    public UploadResult saveDraft(CurrentTenant tenant, UUID draftId, @Nullable String rawTitle,
                                  @Nullable String rawBody, @Nullable String rawVisibility) {
        ArticleDraft draft = draft(tenant.id(), draftId);
        if (draft.status() != ArticleDraft.Status.VALIDATED) {
            throw InvalidInputException.of("draft", draft.status() == ArticleDraft.Status.SAVED
                    ? "This draft is in the knowledge base already." : "A rejected draft cannot be saved.");
        }
        String title = rawTitle == null ? "" : rawTitle.strip();
        String body = rawBody == null ? "" : rawBody.strip();
        Visibility visibility;
        try {
            visibility = Visibility.valueOf(rawVisibility == null ? "" : rawVisibility.strip().toUpperCase(
                    java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("visibility", "Choose public or internal.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isEmpty() || title.length() > 200) {
            errors.put("title", "Give the article a title (up to 200 characters).");
        }
        DraftValidator.Result check = DraftValidator.validate(title, body, null, false,
                body.isEmpty() ? null : nearest(tenant.id(), title, body));
        for (ArticleDraft.Check c : check.report()) {
            if (!c.passed()) {
                errors.putIfAbsent("body", c.detail());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UploadResult saved = knowledge.addText(tenant, title, body, visibility);
        if (!saved.accepted() || saved.documentId() == null) {
            throw InvalidInputException.of("body", saved.message());
        }
        UUID documentId = saved.documentId();
        tx.executeWithoutResult(s -> {
            repository.markSaved(tenant.id(), draftId, title, body, documentId, OffsetDateTime.now());
            audit.record(tenant.id(), tenant.actor(), "insights.draft_saved", "Article " + title, Map.of(),
                    Map.of("visibility", visibility.name(), "document", documentId.toString()));
        });
        return saved;
    }

    /** The outcome of asking a cluster's questions again. */
    public record Rerun(int answered, int total) {
    }

    /**
     * Asks the cluster's questions (up to {@value #RERUN_LIMIT}, most central first) of the assistant again, each in
     * an evaluation conversation of its own (never counted as a customer's), and stores how many are now answered.
     */
    public Rerun rerun(CurrentTenant tenant, UUID clusterId) {
        cluster(tenant.id(), clusterId);
        List<String> questions = repository.members(tenant.id(), clusterId, MEMBERS_KEPT).stream()
                .map(GapCluster.Member::question).distinct().limit(RERUN_LIMIT).toList();
        int answered = 0;
        for (String q : questions) {
            var conversation = chat.start(tenant.id(), Channel.EVALUATION, "gaps-rerun");
            ChatService.AnsweredTurn turn = chat.askAndWait(tenant.id(), conversation.id(), q);
            boolean ok = turn.replies().stream().anyMatch(r -> r.author() == Author.ASSISTANT
                    && LocalAnalysis.answered(Intent.QUESTION, new LocalAnalysis.Reply(r.confidence(),
                    r.lowConfidence(), r.feedback(), r.handedOff(), false), properties.lowConfidence()).answered());
            if (ok) {
                answered++;
            }
        }
        int total = questions.size();
        int now = answered;
        tx.executeWithoutResult(s -> repository.rerun(tenant.id(), clusterId, now, total, OffsetDateTime.now()));
        return new Rerun(answered, total);
    }

    // ---- erasure -----------------------------------------------------------------------------------------------

    /** Deletes every row derived from the given conversations (their analyses, vectors and clusters). */
    public void eraseConversations(TenantId tenant, java.util.Collection<UUID> conversationIds) {
        repository.eraseConversations(tenant, conversationIds);
    }

    public void eraseWorkspace(TenantId tenant) {
        repository.eraseWorkspace(tenant);
    }

    // ---- arithmetic --------------------------------------------------------------------------------------------

    static float[] unit(float[] v) {
        double n = 0;
        for (float f : v) {
            n += f * f;
        }
        n = n == 0 ? 1 : Math.sqrt(n);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    static double cosine(double[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
