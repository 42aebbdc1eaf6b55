package com.frontline.evaluation;

import com.frontline.assistants.AssistantVersions;
import com.frontline.chat.ChatService;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.knowledge.KnowledgeStatus;
import com.frontline.knowledge.UploadResult;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.springframework.context.ApplicationContext;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code eval-answers} command's workspace: created like any workspace (an owner signs up and creates it), its
 * corpus added through the knowledge module's ingestion as public pasted-text documents titled by their corpus ids.
 * Identical passages share one document (the knowledge base refuses duplicates), which then stands for all their ids.
 */
final class ScratchWorkspace {

    /** Without any indexing progress for this long, the run gives up. */
    static final Duration STALLED = Duration.ofMinutes(5);

    private final CurrentTenant owner;
    private final Map<UUID, List<String>> corpusIds = new HashMap<>();

    private ScratchWorkspace(CurrentTenant owner) {
        this.owner = owner;
    }

    static ScratchWorkspace create(ApplicationContext context) {
        UserService users = context.getBean(UserService.class);
        TenantService tenants = context.getBean(TenantService.class);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UserAccount user = users.signUp(new SignUpCmd("eval-" + suffix + "@example.com", "Answer evaluation",
                "eval-" + UUID.randomUUID()));
        Workspace w = tenants.createWorkspace(new Actor(user.id(), user.email()), "Answer evaluation",
                "eval-" + suffix, "Other");
        return new ScratchWorkspace(tenants.resolve(user.id(), user.email(), w.slug()).orElseThrow());
    }

    TenantId tenant() {
        return owner.id();
    }

    /** The corpus ids a document stands for (empty for a document this workspace did not add). */
    List<String> corpusIds(UUID documentId) {
        return corpusIds.getOrDefault(documentId, List.of());
    }

    /**
     * Sets the workspace's confidence threshold (0–1); the other chat settings keep their defaults. Tasks are asked
     * as the widget asks them, which answers with the live assistant version: the changed draft is published and
     * made live (a workspace without versions yet makes its first one of the draft).
     */
    void threshold(ApplicationContext context, double threshold) {
        ChatService chat = context.getBean(ChatService.class);
        boolean handoff = chat.settings(owner.id()).handoffOnLowConfidence();
        chat.updateSettings(owner, String.format(Locale.ROOT, "%.4f", threshold * 100), handoff, null);
        AssistantVersions versions = context.getBean(AssistantVersions.class);
        if (versions.draftDiffersFromLive(owner.id())) {
            versions.publish(owner, "eval-answers --threshold", true);
        }
    }

    /** Adds one document per distinct passage and waits until all are indexed, reporting progress on {@code err}. */
    void ingest(ApplicationContext context, List<AnswerSet.CorpusPassage> corpus, PrintStream err) {
        KnowledgeService knowledge = context.getBean(KnowledgeService.class);
        Map<String, List<String>> idsByText = new LinkedHashMap<>();
        for (AnswerSet.CorpusPassage p : corpus) {
            idsByText.computeIfAbsent(p.text(), t -> new ArrayList<>()).add(p.id());
        }
        err.printf(Locale.ROOT, "Adding %,d passages as %,d documents (identical passages share one)%n",
                corpus.size(), idsByText.size());
        idsByText.forEach((text, ids) -> {
            UploadResult result = knowledge.addText(owner, ids.getFirst(), text, Visibility.PUBLIC);
            if (!result.accepted() || result.documentId() == null) {
                throw new IllegalStateException("Passage " + ids.getFirst() + " was refused: " + result.message());
            }
            corpusIds.put(result.documentId(), List.copyOf(ids));
        });
        awaitIndexed(knowledge, idsByText.size(), err);
        // indexed is not yet searchable: Elasticsearch shows new chunks after its next refresh
        context.getBean(com.frontline.search.KnowledgeIndex.class).refresh();
    }

    private void awaitIndexed(KnowledgeService knowledge, int documents, PrintStream err) {
        long began = System.nanoTime();
        long lastChange = began;
        int lastDone = -1;
        long lastReport = 0;
        while (true) {
            KnowledgeStatus s = knowledge.status(owner.id());
            int done = s.documents() - s.indexing();
            long now = System.nanoTime();
            if (done != lastDone) {
                lastChange = now;
            }
            if (done != lastDone && (now - lastReport > 2_000_000_000L || done == documents)) {
                err.printf(Locale.ROOT, "Indexed %,d of %,d documents (%,d passages)%n", done, documents, s.chunks());
                lastReport = now;
            }
            lastDone = done;
            if (s.indexing() == 0 && s.documents() >= documents) {
                if (s.failed() * 10 > documents) {
                    throw new IllegalStateException("%,d of %,d documents could not be indexed (see the log)"
                            .formatted(s.failed(), documents));
                }
                if (s.failed() > 0) {
                    err.printf(Locale.ROOT, "Warning: %,d documents could not be indexed; their tasks cannot be "
                            + "answered from them%n", s.failed());
                }
                err.printf(Locale.ROOT, "Knowledge ready in %.1f s%n", (now - began) / 1e9);
                return;
            }
            if (Duration.ofNanos(now - lastChange).compareTo(STALLED) > 0) {
                throw new IllegalStateException("Indexing stalled at " + done + " of " + documents + " documents");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for indexing", e);
            }
        }
    }
}
