package com.frontline.corrections;

import com.frontline.audit.AuditLog;
import com.frontline.chat.ChatEvents;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.search.TextEmbedder;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.ForbiddenException;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writing corrections, the approval queue and the verified-answer threshold. Agents and up write; Admins and up
 * edit, approve, reject and retire (checked here too, not only on the routes). Every change carries the version the
 * reviewer saw and is refused if someone changed the correction meanwhile.
 */
@Service
public class CorrectionService {

    private static final Logger log = LoggerFactory.getLogger(CorrectionService.class);

    /** A handed-off question this close to a pending one's is merged into it instead of proposed again. */
    public static final double MERGE_SIMILARITY = 0.9;
    public static final int MAX_COMMENT = 2000;
    /** Most corrections one tab of the queue shows. */
    public static final int QUEUE_LIMIT = 200;

    /** A correction's draft from one of the assistant's answers. */
    public record Draft(@Nullable UUID answerMessageId, String question, @Nullable String assistantSaid) {
    }

    /** One tab of the queue and the count of each tab. */
    public record Queue(CorrectionStatus status, List<Correction> items, Map<CorrectionStatus, Integer> counts) {
    }

    private final CorrectionRepository corrections;
    private final TextEmbedder embedder;
    private final ChatService chat;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ApprovedQuestions approvedQuestions;

    CorrectionService(CorrectionRepository corrections, TextEmbedder embedder, ChatService chat, AuditLog audit,
                      ApplicationEventPublisher events, ApprovedQuestions approvedQuestions) {
        this.approvedQuestions = approvedQuestions;
        this.corrections = corrections;
        this.embedder = embedder;
        this.chat = chat;
        this.audit = audit;
        this.events = events;
    }

    /** The form's starting point: the answer's question and what the assistant said, or nothing. */
    @Transactional(readOnly = true)
    public Draft draft(CurrentTenant tenant, @Nullable UUID answerMessageId) {
        if (answerMessageId == null) {
            return new Draft(null, "", null);
        }
        ChatMessage answer = chat.assistantAnswer(tenant.id(), answerMessageId); // another workspace's: 404
        return new Draft(answerMessageId, answer.question() == null ? "" : answer.question(), answer.text());
    }

    /**
     * @throws InvalidInputException with a message per field to fix
     * @throws NotFoundException     if the answer is not one of this workspace's
     */
    @Transactional
    public Correction create(CurrentTenant tenant, CorrectionForm form, @Nullable UUID answerMessageId) {
        require(tenant, Role.AGENT);
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        @Nullable UUID conversationId = null;
        if (answerMessageId != null) {
            conversationId = chat.assistantAnswer(tenant.id(), answerMessageId).conversationId();
        }
        UUID id = UUID.randomUUID();
        float[] embedding = embedder.embed(form.cleanQuestion());
        corrections.insert(tenant.id(), new CorrectionRepository.NewCorrection(id, form.cleanQuestion(),
                form.cleanAnswer(), form.cleanSourceUrl(), form.cleanCategory(), CorrectionOrigin.MANUAL,
                answerMessageId, conversationId, tenant.userId(), tenant.userEmail(), embedding));
        audit.record(tenant.id(), tenant.actor(), "corrections.created", id.toString(), null,
                Map.of("question", form.cleanQuestion()));
        return get(tenant.id(), id);
    }

    @Transactional(readOnly = true)
    public Queue queue(TenantId tenant, CorrectionStatus status) {
        return new Queue(status, corrections.list(tenant, status, QUEUE_LIMIT), corrections.counts(tenant));
    }

    /** @throws NotFoundException if it is not one of the workspace's */
    @Transactional(readOnly = true)
    public Correction get(TenantId tenant, UUID id) {
        return corrections.findById(tenant, id).orElseThrow(() -> NotFoundException.of("Correction", id));
    }

    /** Every text the correction had, newest first. */
    @Transactional(readOnly = true)
    public List<CorrectionVersion> history(TenantId tenant, UUID id) {
        get(tenant, id);
        return corrections.history(tenant, id);
    }

    /**
     * Saves a new text (the old one stays in the history). An approved correction answers with the new text at once.
     *
     * @param version the version the reviewer's form showed
     */
    @Transactional
    public Correction edit(CurrentTenant tenant, UUID id, int version, CorrectionForm form) {
        require(tenant, Role.ADMIN);
        Correction current = get(tenant.id(), id);
        CorrectionConflictException.check(current, version, ReviewAction.EDIT, OffsetDateTime.now());
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var text = new CorrectionRepository.NewText(form.cleanQuestion(), form.cleanAnswer(), form.cleanSourceUrl(),
                form.cleanCategory(), embedder.embed(form.cleanQuestion()));
        int textVersion = corrections.updateText(tenant.id(), id, version, List.copyOf(ReviewAction.EDIT.from()),
                        text, tenant.userEmail())
                .orElseThrow(() -> CorrectionConflictException.changedMeanwhile(get(tenant.id(), id),
                        OffsetDateTime.now()));
        audit.record(tenant.id(), tenant.actor(), "corrections.edited", id.toString(),
                Map.of("question", current.question(), "answer", current.answer()),
                Map.of("question", text.question(), "answer", text.answer(), "textVersion", textVersion));
        if (current.status() == CorrectionStatus.APPROVED) {
            invalidateAfterCommit(tenant.id());
            events.publishEvent(new CorrectionEvents.CorrectionApproved(tenant.id(), id, textVersion,
                    text.question(), text.answer(), text.sourceUrl()));
        }
        return get(tenant.id(), id);
    }

    /**
     * Approves a pending correction: it answers matching questions from now on.
     *
     * @param score 1 to 5: how good the answer is (4 and up go into the training export)
     */
    @Transactional
    public Correction approve(CurrentTenant tenant, UUID id, int version, @Nullable String score,
                              @Nullable String comment) {
        Correction approved = review(tenant, id, version, ReviewAction.APPROVE, score, true, comment);
        invalidateAfterCommit(tenant.id());
        events.publishEvent(new CorrectionEvents.CorrectionApproved(tenant.id(), id, approved.textVersion(),
                approved.question(), approved.answer(), approved.sourceUrl()));
        return approved;
    }

    @Transactional
    public Correction reject(CurrentTenant tenant, UUID id, int version, @Nullable String score,
                             @Nullable String comment) {
        return review(tenant, id, version, ReviewAction.REJECT, score, false, comment);
    }

    /** An approved correction stops answering (it stays in the Approved history as retired). */
    @Transactional
    public Correction retire(CurrentTenant tenant, UUID id, int version) {
        Correction retired = review(tenant, id, version, ReviewAction.RETIRE, null, false, null);
        invalidateAfterCommit(tenant.id());
        events.publishEvent(new CorrectionEvents.CorrectionRetired(tenant.id(), id));
        return retired;
    }

    private Correction review(CurrentTenant tenant, UUID id, int version, ReviewAction action,
                              @Nullable String rawScore, boolean scoreRequired, @Nullable String rawComment) {
        require(tenant, Role.ADMIN);
        Correction current = get(tenant.id(), id);
        CorrectionConflictException.check(current, version, action, OffsetDateTime.now());
        Map<String, String> errors = new LinkedHashMap<>();
        @Nullable Integer score = score(rawScore, scoreRequired, errors);
        @Nullable String comment = rawComment == null || rawComment.isBlank() ? null : rawComment.strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.put("comment", "Keep the comment to " + MAX_COMMENT + " characters.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CorrectionStatus to = action.to(current.status());
        if (!corrections.review(tenant.id(), id, version, List.copyOf(action.from()), to, action.pastTense(), score,
                comment, tenant.userEmail())) {
            throw CorrectionConflictException.changedMeanwhile(get(tenant.id(), id), OffsetDateTime.now());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        if (score != null) {
            after.put("score", score);
        }
        if (comment != null) {
            after.put("comment", comment);
        }
        audit.record(tenant.id(), tenant.actor(), "corrections." + action.pastTense(), id.toString(),
                Map.of("status", current.status().name()), after);
        return get(tenant.id(), id);
    }

    private static @Nullable Integer score(@Nullable String raw, boolean required, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.put("score", "Give the answer a quality score from 1 to 5.");
            }
            return null;
        }
        try {
            int score = Integer.parseInt(raw.strip());
            if (score >= 1 && score <= 5) {
                return score;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        errors.put("score", "The quality score is a whole number from 1 to 5.");
        return null;
    }

    /**
     * A resolved handoff's question and the agent's answer become a pending correction, or, when a pending
     * correction already asks nearly the same question (cosine at least {@link #MERGE_SIMILARITY}), count as one more
     * asking of it. Each conversation is proposed once, however often the event arrives.
     */
    @Transactional
    public Optional<UUID> proposeFromHandoff(ChatEvents.ConversationResolved e) {
        if (e.question() == null || e.question().isBlank() || e.agentAnswer() == null || e.agentAnswer().isBlank()
                || corrections.handoffProposed(e.tenant(), e.conversationId())) {
            return Optional.empty();
        }
        String question = clip(e.question());
        String answer = clip(e.agentAnswer());
        float[] embedding = embedder.embed(question);
        float[] unit = Vectors.unit(embedding);
        UUID target = null;
        double best = MERGE_SIMILARITY;
        for (var pending : corrections.pendingQuestions(e.tenant())) {
            double similarity = Vectors.dot(Vectors.unit(pending.embedding()), 0, unit);
            if (similarity >= best) {
                best = similarity;
                target = pending.id();
            }
        }
        if (target != null) {
            corrections.countAlsoAsked(e.tenant(), target);
            log.info("Workspace {}: handoff {} asked pending correction {}'s question again (similarity {})",
                    e.tenant(), e.conversationId(),
                    target, String.format(Locale.ROOT, "%.3f", best));
        } else {
            target = UUID.randomUUID();
            corrections.insert(e.tenant(), new CorrectionRepository.NewCorrection(target, question, answer, null,
                    null, CorrectionOrigin.HANDOFF, null, e.conversationId(), e.agentId(), e.agentName(),
                    embedding));
        }
        if (!corrections.recordHandoff(e.tenant(), e.conversationId(), target)) {
            throw new IllegalStateException("Handoff " + e.conversationId() + " was proposed concurrently");
        }
        return Optional.of(target);
    }

    private static String clip(String text) {
        String s = text.strip();
        return s.length() <= CorrectionForm.MAX_TEXT ? s : s.substring(0, CorrectionForm.MAX_TEXT);
    }

    /** The workspace's verified-answer threshold (cosine), or the calibrated default. */
    @Transactional(readOnly = true)
    public double threshold(TenantId tenant) {
        return corrections.threshold(tenant).orElse(MatchThreshold.DEFAULT);
    }

    /**
     * @param raw a cosine (0.85) or a percentage (85)
     * @throws InvalidInputException outside [{@link MatchThreshold#MIN}, {@link MatchThreshold#MAX}]
     */
    @Transactional
    public double updateThreshold(CurrentTenant tenant, @Nullable String raw) {
        require(tenant, Role.ADMIN);
        double value;
        try {
            value = Double.parseDouble(raw == null ? "" : raw.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (value > 1 && value <= 100) {
            value = value / 100;
        }
        if (!(value >= MatchThreshold.MIN - 1e-9 && value <= MatchThreshold.MAX + 1e-9)) {
            throw InvalidInputException.of("threshold", String.format(Locale.ROOT,
                    "Enter a similarity from %.2f to %.2f.", MatchThreshold.MIN, MatchThreshold.MAX));
        }
        double before = threshold(tenant.id());
        corrections.saveThreshold(tenant.id(), value);
        audit.record(tenant.id(), tenant.actor(), "corrections.threshold_updated", null, Map.of("threshold", before),
                Map.of("threshold", value));
        invalidateAfterCommit(tenant.id());
        return value;
    }

    /** Once the change is committed, this node's verified-answer lookup reloads the workspace's approved ones. */
    private void invalidateAfterCommit(TenantId tenant) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                approvedQuestions.invalidate(tenant);
            }
        });
    }

    private static void require(CurrentTenant tenant, Role role) {
        if (!tenant.can(role)) {
            throw new ForbiddenException(role);
        }
    }
}
