package com.frontline.chat;

import com.frontline.audit.AuditLog;
import com.frontline.identity.UserService;
import com.frontline.llm.TokenSink;
import com.frontline.search.Passage;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.TenantId;
import com.frontline.shared.outbound.OutboundGuard;
import com.frontline.tenants.Persona;
import com.frontline.tenants.TenantService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Conversations with the assistant and their handoff to people. A customer's message is stored at once; the answer is
 * written in the background and streamed to whoever watches the conversation ({@link #subscribe}), then stored.
 */
@Service
public class ChatService {

    private static final Logger log = LoggerFactory.getLogger(ChatService.class);

    public static final int MAX_MESSAGE_LENGTH = 4000;
    /** Messages shown under each conversation in the inbox's queue. */
    static final int QUEUE_PREVIEW = 3;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Messages of the conversation given to the answerer as context. */
    static final int HISTORY = 12;
    /** A customer asking for a person, in plain words; the widget's "Talk to a person" button is the main way. */
    private static final Pattern WANTS_HUMAN = Pattern.compile(
            "\\b((talk|speak|chat)\\s+(to|with)\\s+(a\\s+|an\\s+|some\\s*one\\s*|somebody\\s*)?(real\\s+)?"
                    + "(human|person|agent|representative|someone|somebody|operator)"
                    + "|human\\s+agent|real\\s+person|live\\s+agent|(connect|transfer)\\s+me\\s+(to|with)\\s+(a\\s+|an\\s+)?(human|person|agent|someone))\\b");

    private final ConversationRepository conversations;
    private final ChatSettingsRepository settings;
    private final ConversationHub hub;
    private final AnswerComposer composer;
    private final TenantService tenants;
    private final UserService users;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final WebhookDeliveryRepository deliveries;
    private final OutboundGuard outbound;
    private final AnswerConfigs configs;
    /**
     * Answers are written on a bounded pool: a flood waits in a bounded queue, then is refused with a message. Most
     * of an offline answer's time on its thread is the pause between streamed word groups (Streaming), so the pool
     * has room for 16 at once: with 4, four answers streaming kept the next questions waiting in the queue.
     */
    private final ExecutorService answering = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(200), Thread.ofPlatform().name("answer-", 0).daemon().factory());

    ChatService(ConversationRepository conversations, ChatSettingsRepository settings, ConversationHub hub,
                AnswerComposer composer, TenantService tenants, UserService users, TransactionTemplate tx,
                ApplicationEventPublisher events, AuditLog audit, WebhookDeliveryRepository deliveries,
                OutboundGuard outbound, AnswerConfigs configs) {
        this.configs = configs;
        this.audit = audit;
        this.deliveries = deliveries;
        this.outbound = outbound;
        this.conversations = conversations;
        this.settings = settings;
        this.hub = hub;
        this.composer = composer;
        this.tenants = tenants;
        this.users = users;
        this.tx = tx;
        this.events = events;
    }

    // ---- conversations -----------------------------------------------------------------------------------------

    public Conversation start(TenantId tenant, Channel channel, String visitorId) {
        return conversations.create(tenant, channel, visitorId);
    }

    public Conversation conversation(TenantId tenant, UUID conversationId) {
        return conversations.find(tenant, conversationId)
                .orElseThrow(() -> NotFoundException.of("Conversation", conversationId));
    }

    public java.util.Optional<Conversation> latest(TenantId tenant, Channel channel, String visitorId) {
        return conversations.latestOf(tenant, channel, visitorId);
    }

    /** Messages after {@code afterSeq} (0: from the start), oldest first. */
    public List<ChatMessage> messages(TenantId tenant, UUID conversationId, long afterSeq) {
        return conversations.messages(tenant, conversationId, afterSeq, 500);
    }

    /** The text of the customer's most recent message among the conversation's last 50, if any. */
    public java.util.Optional<String> lastCustomerMessage(TenantId tenant, UUID conversationId) {
        List<ChatMessage> recent = conversations.lastMessages(tenant, conversationId, 50);
        return recent.reversed().stream().filter(m -> m.author() == Author.CUSTOMER).map(ChatMessage::text)
                .findFirst();
    }

    /** Conversations waiting for or served by an agent, most recent first. */
    public List<Conversation> inbox(TenantId tenant) {
        return conversations.inStatus(tenant, List.of(ConversationStatus.WAITING, ConversationStatus.AGENT), 100);
    }

    public List<Conversation> recentlyResolved(TenantId tenant) {
        return conversations.inStatus(tenant, List.of(ConversationStatus.RESOLVED), 20);
    }

    /**
     * The inbox's queue: conversations waiting for a person (longest waiting first) or with one, each with its
     * customer and last {@value #QUEUE_PREVIEW} messages.
     */
    public List<InboxItem> inboxQueue(TenantId tenant) {
        List<InboxItem> items = conversations.inboxItems(tenant,
                List.of(ConversationStatus.WAITING, ConversationStatus.AGENT), false, 100);
        var last = conversations.lastMessages(tenant, items.stream().map(i -> i.conversation().id()).toList(),
                QUEUE_PREVIEW);
        return withTeamMembers(items).stream().map(i -> new InboxItem(i.conversation(), i.customer(),
                last.getOrDefault(i.conversation().id(), List.of()), null)).toList();
    }

    /** Recently resolved conversations, newest first, each with the customer's first question. */
    public List<InboxItem> resolvedConversations(TenantId tenant) {
        List<InboxItem> items = conversations.inboxItems(tenant, List.of(ConversationStatus.RESOLVED), true, 20);
        var first = conversations.firstQuestions(tenant, items.stream().map(i -> i.conversation().id()).toList());
        return withTeamMembers(items).stream().map(i -> new InboxItem(i.conversation(), i.customer(), List.of(),
                first.get(i.conversation().id()))).toList();
    }

    /**
     * A conversation the inbox serves: a widget conversation, or a playground one handed to the team. Anything else
     * (a colleague's playground test) is not found, so agents cannot read it through the inbox.
     */
    public Conversation inboxConversation(TenantId tenant, UUID conversationId) {
        return conversations.findForInbox(tenant, conversationId)
                .orElseThrow(() -> NotFoundException.of("Conversation", conversationId));
    }

    public Customer customer(TenantId tenant, UUID conversationId) {
        Conversation c = conversation(tenant, conversationId);
        Customer customer = conversations.customer(tenant, conversationId)
                .orElseThrow(() -> NotFoundException.of("Conversation", conversationId));
        return withTeamMembers(List.of(new InboxItem(c, customer, List.of(), null))).getFirst().customer();
    }

    /** A playground conversation's customer is the team member who tried the assistant: named by their account. */
    private List<InboxItem> withTeamMembers(List<InboxItem> items) {
        List<UUID> userIds = items.stream().map(i -> playgroundUser(i.conversation())).filter(Objects::nonNull)
                .distinct().toList();
        if (userIds.isEmpty()) {
            return items;
        }
        Map<UUID, String> names = new HashMap<>();
        users.findAll(userIds).forEach(u -> names.put(u.id(), u.displayName().isBlank() ? u.email()
                : u.displayName()));
        return items.stream().map(i -> {
            UUID user = playgroundUser(i.conversation());
            String name = user == null ? null : names.get(user);
            return name == null ? i : new InboxItem(i.conversation(), i.customer().named(name), i.lastMessages(),
                    i.firstQuestion());
        }).toList();
    }

    private static @Nullable UUID playgroundUser(Conversation c) {
        if (c.channel() != Channel.PLAYGROUND || !c.visitorId().startsWith("user:")) {
            return null;
        }
        try {
            return UUID.fromString(c.visitorId().substring("user:".length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * What the website says about its visitor (all optional, from the widget's embed code) and the page the chat
     * started on. Values that are not plausible are dropped rather than refused: the chat must open regardless.
     */
    public void recordCustomer(TenantId tenant, UUID conversationId, @Nullable String name, @Nullable String email,
                               @Nullable String pageUrl) {
        String n = name == null || name.isBlank() ? null : name.strip();
        String e = email == null ? null : email.strip();
        String p = pageUrl == null ? null : pageUrl.strip();
        if (n != null && n.length() > 100) {
            n = n.substring(0, 100);
        }
        if (e != null && (e.length() > 254 || !EMAIL.matcher(e).matches())) {
            e = null;
        }
        if (p != null && (p.length() > 2000 || !(p.startsWith("https://") || p.startsWith("http://")))) {
            p = null;
        }
        if (n != null || e != null || p != null) {
            conversations.recordCustomer(tenant, conversationId, n, e, p);
        }
    }

    /** Listens to a conversation live; close the handle when the view goes away. */
    public AutoCloseable subscribe(TenantId tenant, UUID conversationId, Consumer<ChatEvent> listener) {
        return hub.subscribe(tenant, conversationId, listener);
    }

    public ChatSettings settings(TenantId tenant) {
        return settings.get(tenant);
    }

    /**
     * Saves the confidence threshold (a percentage, 0–100), whether an unsure answer hands the conversation over at
     * once, and the handoff webhook address (blank: none).
     *
     * @throws InvalidInputException fields {@code threshold} and {@code webhookUrl}
     */
    public ChatSettings updateSettings(CurrentTenant admin, @Nullable String thresholdPercent,
                                       boolean handoffOnLowConfidence, @Nullable String rawWebhookUrl) {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        double threshold = 0;
        try {
            threshold = Double.parseDouble(thresholdPercent == null ? "" : thresholdPercent.strip().replace(',', '.'));
            if (threshold < 0 || threshold > 100 || Double.isNaN(threshold)) {
                errors.put("threshold", "Enter a percentage from 0 to 100.");
            }
        } catch (NumberFormatException e) {
            errors.put("threshold", "Enter a percentage from 0 to 100, e.g. 50.");
        }
        String url = WebhookUrls.normalise(rawWebhookUrl);
        if (url != null) {
            String problem = WebhookUrls.problem(url, outbound);
            if (problem != null) {
                errors.put("webhookUrl", problem);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        double value = threshold / 100;
        return tx.execute(s -> {
            ChatSettings before = settings.get(admin.id());
            settings.update(admin.id(), value, handoffOnLowConfidence, url);
            ChatSettings after = settings.get(admin.id());
            audit.record(admin.id(), admin.actor(), "chat.settings_updated", null,
                    java.util.Map.of("confidenceThreshold", before.confidenceThreshold(),
                            "handoffOnLowConfidence", before.handoffOnLowConfidence(),
                            "webhookUrl", String.valueOf(before.webhookUrl())),
                    java.util.Map.of("confidenceThreshold", after.confidenceThreshold(),
                            "handoffOnLowConfidence", after.handoffOnLowConfidence(),
                            "webhookUrl", String.valueOf(after.webhookUrl())));
            return after;
        });
    }

    public void rotateWebhookSecret(CurrentTenant admin) {
        tx.executeWithoutResult(s -> {
            settings.rotateSecret(admin.id());
            audit.record(admin.id(), admin.actor(), "chat.webhook_secret_rotated", null, null, null);
        });
    }

    public List<WebhookDelivery> webhookDeliveries(TenantId tenant) {
        return deliveries.recent(tenant, 20);
    }

    /**
     * A message of a conversation that took place earlier, as it was: who wrote it, when, its sources and how sure
     * the assistant was, and the customer's rating (1, -1 or none) of an answer.
     */
    public record PastMessage(Author author, @Nullable String authorName, String text, List<Citation> citations,
                              @Nullable Double confidence, boolean lowConfidence, @Nullable Integer feedback,
                              java.time.OffsetDateTime at) {

        public PastMessage {
            citations = List.copyOf(citations);
            if (feedback != null && feedback != 1 && feedback != -1) {
                throw new IllegalArgumentException("Feedback is 1, -1 or none");
            }
        }
    }

    /**
     * Stores a conversation that took place earlier with its own times, status and ratings (the demo workspace's
     * history). Nothing is streamed, answered or sent to the handoff webhook.
     */
    public UUID recordPastConversation(TenantId tenant, Channel channel, String visitorId, ConversationStatus status,
                                       @Nullable String handoffReason, List<PastMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("A conversation has at least one message");
        }
        return java.util.Objects.requireNonNull(tx.execute(s -> conversations.insertPast(tenant, channel, visitorId,
                status, handoffReason, messages)));
    }

    // ---- the customer ------------------------------------------------------------------------------------------

    /**
     * Stores the customer's message and, unless an agent has the conversation, starts the answer.
     *
     * @throws InvalidInputException an empty or too long message (field {@code message})
     */
    public ChatMessage ask(TenantId tenant, UUID conversationId, @Nullable String raw) {
        Accepted accepted = accept(tenant, conversationId, raw);
        if (!accepted.forAssistant()) {
            return accepted.message();
        }
        String text = accepted.message().text();
        String mdc = MDC.get("tenant");
        try {
            answering.execute(() -> {
                MDC.put("tenant", mdc != null ? mdc : tenant.toString());
                try {
                    answer(tenant, conversationId, text, null);
                } finally {
                    MDC.remove("tenant");
                }
            });
        } catch (RejectedExecutionException e) {
            systemMessage(tenant, conversationId, "We are very busy right now. Please try again in a minute, "
                    + "or ask to talk to a person.");
        }
        return accepted.message();
    }

    /**
     * What one customer message led to, once everything is stored: the messages written after it (the answer, or a
     * system note), the conversation's status afterwards, and what the assistant searched with.
     *
     * @param query    the standalone question the knowledge search used, or null when the assistant did not answer
     * @param passages the passages that search returned, best first
     */
    public record AnsweredTurn(ChatMessage question, List<ChatMessage> replies, ConversationStatus status,
                               @Nullable String query, List<Passage> passages) {

        public AnsweredTurn {
            replies = List.copyOf(replies);
            passages = List.copyOf(passages);
        }
    }

    /**
     * Does what {@link #ask} does, but writes the answer on the calling thread and returns when it is stored: for the
     * answer evaluation, which times each answer and reads it back before the next question.
     *
     * @throws InvalidInputException an empty or too long message (field {@code message})
     */
    public AnsweredTurn askAndWait(TenantId tenant, UUID conversationId, @Nullable String raw) {
        return askAndWait(tenant, conversationId, raw, null);
    }

    /**
     * {@link #askAndWait(TenantId, UUID, String)} answered by the given assistant version, whatever the conversation's
     * channel would choose: for trying a version that is not live on an evaluation set.
     *
     * @param version null: as the channel chooses (see {@link AnswerConfigs})
     * @throws NotFoundException     the workspace has no such version (nothing is stored)
     * @throws InvalidInputException an empty or too long message (field {@code message})
     */
    public AnsweredTurn askAndWait(TenantId tenant, UUID conversationId, @Nullable String raw,
                                   @Nullable Integer version) {
        if (version != null && !configs.exists(tenant, version)) {
            throw NotFoundException.of("Assistant version", version);
        }
        Accepted accepted = accept(tenant, conversationId, raw);
        AnswerComposer.Composed composed = accepted.forAssistant()
                ? answer(tenant, conversationId, accepted.message().text(), version) : null;
        List<ChatMessage> replies = conversations.messages(tenant, conversationId, accepted.message().seq(), 50);
        return new AnsweredTurn(accepted.message(), replies, conversation(tenant, conversationId).status(),
                composed == null ? null : composed.query(), composed == null ? List.of() : composed.passages());
    }

    /** The customer's message, stored; {@code forAssistant}: the assistant is to answer it. */
    private record Accepted(ChatMessage message, boolean forAssistant) {
    }

    private Accepted accept(TenantId tenant, UUID conversationId, @Nullable String raw) {
        String text = validMessage(raw);
        record Asked(ChatMessage message, Conversation before) {
        }
        Asked asked = tx.execute(s -> {
            Conversation c = conversations.lock(tenant, conversationId)
                    .orElseThrow(() -> NotFoundException.of("Conversation", conversationId));
            ChatMessage m = conversations.addMessage(tenant, conversationId,
                    ConversationRepository.NewMessage.plain(Author.CUSTOMER, null, text));
            if (c.status() == ConversationStatus.RESOLVED) {
                conversations.setStatus(tenant, conversationId, ConversationStatus.BOT, null, null, null);
            }
            if (c.channel() != Channel.EVALUATION) {
                events.publishEvent(new ChatEvents.CustomerMessageAdded(tenant, conversationId, m.id(), m.seq(),
                        m.createdAt()));
            }
            return new Asked(m, c);
        });
        hub.publish(tenant, conversationId, new ChatEvent.MessageAdded(asked.message()));
        ConversationStatus status = asked.before().status();
        if (status == ConversationStatus.WAITING || status == ConversationStatus.AGENT) {
            return new Accepted(asked.message(), false); // people answer now
        }
        if (status == ConversationStatus.RESOLVED) {
            hub.publish(tenant, conversationId, new ChatEvent.StatusChanged(ConversationStatus.BOT, null));
        }
        if (wantsHuman(text)) {
            requestHandoff(tenant, conversationId, "The customer asked for a person.");
            return new Accepted(asked.message(), false);
        }
        return new Accepted(asked.message(), true);
    }

    /** The customer (or the assistant, or low confidence) asks for a person: the conversation waits in the inbox. */
    public void requestHandoff(TenantId tenant, UUID conversationId, String reason) {
        boolean changed = Boolean.TRUE.equals(tx.execute(s -> {
            Conversation c = conversations.lock(tenant, conversationId)
                    .orElseThrow(() -> NotFoundException.of("Conversation", conversationId));
            if (c.status() == ConversationStatus.WAITING || c.status() == ConversationStatus.AGENT) {
                return false;
            }
            conversations.setStatus(tenant, conversationId, ConversationStatus.WAITING, reason, null, null);
            conversations.markLastAnswerHandedOff(tenant, conversationId);
            if (c.channel() != Channel.EVALUATION) { // no webhook for an evaluation run's question
                events.publishEvent(new ChatEvents.HandoffRequested(tenant, conversationId, reason));
            }
            return true;
        }));
        if (changed) {
            hub.publish(tenant, conversationId, new ChatEvent.StatusChanged(ConversationStatus.WAITING, null));
            systemMessage(tenant, conversationId,
                    "I've asked our team to join. Someone will reply here as soon as they can.");
        }
    }

    /** Records a 👍 (1) or 👎 (-1) on one of the assistant's answers. */
    public void feedback(TenantId tenant, UUID conversationId, UUID messageId, int value) {
        if (value != 1 && value != -1) {
            throw InvalidInputException.of("feedback", "A rating is 👍 (1) or 👎 (-1).");
        }
        feedback(tenant, conversationId, messageId, new AnswerFeedback(value, List.of(), null));
    }

    /**
     * Rates one of the conversation's assistant answers, replacing an earlier rating (a 👍 clears the reasons and
     * comment of an earlier 👎).
     *
     * @throws NotFoundException no such answer in this conversation of this workspace
     */
    public void feedback(TenantId tenant, UUID conversationId, UUID messageId, AnswerFeedback feedback) {
        tx.executeWithoutResult(s -> {
            if (!conversations.setFeedback(tenant, conversationId, messageId, feedback)) {
                throw NotFoundException.of("Answer", messageId);
            }
            events.publishEvent(new ChatEvents.AnswerRated(tenant, conversationId, messageId, feedback.value()));
        });
    }

    /** The widget told us the visitor closed the chat or left the page (for the implicit signals). */
    public void visitorLeft(TenantId tenant, UUID conversationId) {
        if (!conversations.visitorLeft(tenant, conversationId, java.time.OffsetDateTime.now())) {
            throw NotFoundException.of("Conversation", conversationId);
        }
    }

    /** What the search returned for an answer, when it searched. */
    public java.util.Optional<RetrievalTrace> retrieval(TenantId tenant, UUID messageId) {
        return conversations.retrieval(tenant, messageId);
    }

    /** The implicit signals of an answer, once the signals job has read them. */
    public java.util.Optional<ImplicitSignals> implicitSignals(TenantId tenant, UUID messageId) {
        return conversations.implicitSignals(tenant, messageId);
    }

    // ---- agents ------------------------------------------------------------------------------------------------

    /** An agent takes the conversation over: the assistant stays quiet until it is resolved. */
    public void takeOver(CurrentTenant agent, UUID conversationId) {
        String name = agentName(agent);
        tx.executeWithoutResult(s -> {
            Conversation c = lockForInbox(agent, conversationId);
            conversations.setStatus(agent.id(), conversationId, ConversationStatus.AGENT, null, agent.userId(), name);
            audit.record(agent.id(), agent.actor(), "chat.conversation_taken_over", "Conversation " + conversationId,
                    Map.of("status", c.status().name()), Map.of("status", ConversationStatus.AGENT.name()));
        });
        hub.publish(agent.id(), conversationId, new ChatEvent.StatusChanged(ConversationStatus.AGENT, name));
        systemMessage(agent.id(), conversationId, name + " joined the conversation.");
    }

    /**
     * An agent's message to the customer; an agent who has not taken the conversation over does so first.
     *
     * @throws InvalidInputException an empty or too long message (field {@code message})
     */
    public ChatMessage agentReply(CurrentTenant agent, UUID conversationId, @Nullable String raw) {
        String text = validMessage(raw);
        Conversation c = inboxConversation(agent.id(), conversationId);
        if (c.status() != ConversationStatus.AGENT || !agent.userId().equals(c.agentId())) {
            takeOver(agent, conversationId);
        }
        ChatMessage m = conversations.addMessage(agent.id(), conversationId,
                ConversationRepository.NewMessage.plain(Author.AGENT, agentName(agent), text));
        hub.publish(agent.id(), conversationId, new ChatEvent.MessageAdded(m));
        return m;
    }

    /**
     * Closes the conversation; the customer's next message goes to the assistant again. What the agent answered to
     * the customer's question is announced ({@link ChatEvents.ConversationResolved}): it can become a correction.
     */
    public void resolve(CurrentTenant agent, UUID conversationId) {
        tx.executeWithoutResult(s -> {
            Conversation c = lockForInbox(agent, conversationId);
            conversations.setStatus(agent.id(), conversationId, ConversationStatus.RESOLVED, null, null, null);
            AgentAnswer answered = agentAnswer(conversations.lastMessages(agent.id(), conversationId, 50));
            events.publishEvent(new ChatEvents.ConversationResolved(agent.id(), conversationId, agent.userId(),
                    agentName(agent), answered.question(), answered.answer()));
            audit.record(agent.id(), agent.actor(), "chat.conversation_resolved", "Conversation " + conversationId,
                    Map.of("status", c.status().name()), Map.of("status", ConversationStatus.RESOLVED.name()));
        });
        hub.publish(agent.id(), conversationId, new ChatEvent.StatusChanged(ConversationStatus.RESOLVED, null));
        systemMessage(agent.id(), conversationId, agentName(agent) + " closed the conversation. "
                + "Ask anything else and the assistant will answer.");
    }

    record AgentAnswer(@Nullable String question, @Nullable String answer) {
    }

    /**
     * The customer's last question before the agents' first reply since the last handoff, and their replies to it
     * (joined in order, up to the customer's next message); nulls when no agent replied.
     */
    static AgentAnswer agentAnswer(List<ChatMessage> messages) {
        int firstAgent = -1;
        for (int i = messages.size() - 1; i >= 0; i--) {
            Author a = messages.get(i).author();
            if (a == Author.AGENT) {
                firstAgent = i;
            } else if (a == Author.ASSISTANT && firstAgent >= 0) {
                break; // the assistant answered before the agents' turn began
            }
        }
        if (firstAgent < 0) {
            return new AgentAnswer(null, null);
        }
        String question = null;
        for (int i = firstAgent - 1; i >= 0 && question == null; i--) {
            if (messages.get(i).author() == Author.CUSTOMER) {
                question = messages.get(i).text();
            }
        }
        StringBuilder answer = new StringBuilder();
        for (int i = firstAgent; i < messages.size() && messages.get(i).author() != Author.CUSTOMER; i++) {
            if (messages.get(i).author() == Author.AGENT) {
                answer.append(answer.isEmpty() ? "" : "\n\n").append(messages.get(i).text());
            }
        }
        return new AgentAnswer(question, answer.toString());
    }

    /**
     * One of the assistant's answers in any of the workspace's conversations, with the question it replied to: what
     * a correction starts from.
     */
    public ChatMessage assistantAnswer(TenantId tenant, UUID messageId) {
        return conversations.assistantAnswer(tenant, messageId)
                .orElseThrow(() -> NotFoundException.of("Answer", messageId));
    }

    // ---- the assistant -----------------------------------------------------------------------------------------

    /**
     * Writes, streams and stores the assistant's answer to the last customer message; returns what was composed, or
     * null when it failed (the customer was told so).
     *
     * @param version the assistant version to answer with; null: as the conversation's channel chooses
     *                (see {@link AnswerConfigs})
     */
    AnswerComposer.@Nullable Composed answer(TenantId tenant, UUID conversationId, String question,
                                             @Nullable Integer version) {
        UUID answerId = UUID.randomUUID();
        hub.publish(tenant, conversationId, new ChatEvent.AnswerStarted(answerId));
        try {
            Conversation c = conversation(tenant, conversationId);
            AnswerConfigs.Chosen setup = configs.choose(tenant, c, version);
            Persona persona = setup.config().persona();
            ChatSettings chat = settings.get(tenant);
            List<ChatMessage> history = conversations.lastMessages(tenant, conversationId, HISTORY + 1);
            if (!history.isEmpty() && history.getLast().author() == Author.CUSTOMER) {
                history = history.subList(0, history.size() - 1); // the question itself
            }
            TokenSink sink = new TokenSink() {
                @Override
                public void token(String delta) {
                    hub.publish(tenant, conversationId, new ChatEvent.AnswerToken(answerId, delta));
                }

                @Override
                public void restart() {
                    hub.publish(tenant, conversationId, new ChatEvent.AnswerRestarted(answerId));
                }
            };
            // an evaluation run answers with a version's configuration, but its model calls are no visitor's traffic:
            // they are recorded without a version, so no figure per version (cost, errors, latency) counts them
            AnswerComposer.Composed answer = composer.compose(tenant, c.channel().audience(), conversationId,
                    setup.config(), c.channel() == Channel.EVALUATION ? null : setup.version(), history, question,
                    sink);
            if (c.channel() == Channel.PLAYGROUND) {
                hub.publish(tenant, conversationId, new ChatEvent.Retrieved(answerId, answer.query(),
                        answer.passages().stream().map(p -> new ChatEvent.RetrievedPassage(AnswerComposer.label(p),
                                AnswerComposer.snippet(p.text()), p.visibility() == Visibility.INTERNAL, p.score(),
                                p.relevance(), p.bm25Rank(),
                                p.denseRank())).toList(), !SmallTalk.MODEL.equals(answer.model())));
                if (!answer.failures().isEmpty()) {
                    hub.publish(tenant, conversationId, new ChatEvent.ProvidersFailed(answerId, answer.failures(),
                            answer.provider()));
                }
            }
            ChatMessage saved = conversations.addMessage(tenant, conversationId, answerId,
                    new ConversationRepository.NewMessage(Author.ASSISTANT, persona.assistantName(), answer.text(),
                            answer.citations(), answer.confidence(), answer.lowConfidence(), answer.extractive(),
                            answer.provider(), answer.model(), question, answer.verifiedCorrectionId(),
                            SmallTalk.MODEL.equals(answer.model()) ? null
                                    : RetrievalTrace.of(answer.query(), answer.passages()), setup.version()));
            hub.publish(tenant, conversationId, new ChatEvent.MessageAdded(saved));
            if (answer.handoffRequested()) {
                requestHandoff(tenant, conversationId, "The assistant handed the conversation over.");
            } else if (answer.lowConfidence() && chat.handoffOnLowConfidence()) {
                requestHandoff(tenant, conversationId, "The assistant was not sure (confidence %d %%)."
                        .formatted(Math.round(answer.confidence() * 100)));
            }
            return answer;
        } catch (RuntimeException e) {
            log.error("Could not answer in conversation {}", conversationId, e);
            hub.publish(tenant, conversationId, new ChatEvent.AnswerRestarted(answerId));
            systemMessage(tenant, conversationId, "Sorry, something went wrong on our side. Please try again, "
                    + "or ask to talk to a person.");
            return null;
        }
    }

    private void systemMessage(TenantId tenant, UUID conversationId, String text) {
        ChatMessage m = conversations.addMessage(tenant, conversationId,
                ConversationRepository.NewMessage.plain(Author.SYSTEM, null, text));
        hub.publish(tenant, conversationId, new ChatEvent.MessageAdded(m));
    }

    /** Locks a conversation the inbox serves (see {@link #inboxConversation}) for a status change. */
    private Conversation lockForInbox(CurrentTenant agent, UUID conversationId) {
        inboxConversation(agent.id(), conversationId);
        return conversations.lock(agent.id(), conversationId)
                .orElseThrow(() -> NotFoundException.of("Conversation", conversationId));
    }

    private String agentName(CurrentTenant agent) {
        return users.findById(agent.userId()).map(u -> u.displayName()).filter(n -> !n.isBlank())
                .orElse(agent.userEmail().substring(0, agent.userEmail().indexOf('@')));
    }

    static boolean wantsHuman(String text) {
        return WANTS_HUMAN.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    static String validMessage(@Nullable String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw InvalidInputException.of("message", "Type a message first.");
        }
        if (text.length() > MAX_MESSAGE_LENGTH) {
            throw InvalidInputException.of("message", "Messages are limited to " + String.format("%,d",
                    MAX_MESSAGE_LENGTH) + " characters; this one has " + String.format("%,d", text.length()) + ".");
        }
        return text;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        answering.shutdownNow();
    }
}
