package com.frontline.corrections;

import com.frontline.knowledge.KnowledgeEvents;
import com.frontline.search.IndexedChunk;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.TextEmbedder;
import com.frontline.search.Visibility;
import com.frontline.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Approved corrections are knowledge too: each is indexed as one public passage (source type CORRECTION, question
 * and answer together), so that questions worded too differently for a verified answer still find it. Its citation
 * reads "Verified answer: <question>". An edit indexes the new text and drops the old; retiring removes it. Runs
 * after the approval commits, from the durable event log.
 */
@Component
class CorrectionKnowledge {

    private static final Logger log = LoggerFactory.getLogger(CorrectionKnowledge.class);
    static final String TITLE_PREFIX = "Verified answer: ";
    private static final int TITLE_CHARS = 200;

    private final CorrectionRepository corrections;
    private final KnowledgeIndex index;
    private final TextEmbedder embedder;

    CorrectionKnowledge(CorrectionRepository corrections, KnowledgeIndex index, TextEmbedder embedder) {
        this.corrections = corrections;
        this.index = index;
        this.embedder = embedder;
    }

    @ApplicationModuleListener
    void on(CorrectionEvents.CorrectionApproved e) {
        var current = corrections.findById(e.tenant(), e.correctionId());
        if (current.isEmpty() || current.get().status() != CorrectionStatus.APPROVED
                || current.get().textVersion() != e.version()) {
            return; // retired or edited since: the later event indexes (or removes) it
        }
        index.index(e.tenant(), List.of(chunk(e.tenant(), current.get(), embedder)));
        index.deleteOtherVersions(e.tenant(), e.correctionId(), e.version());
        log.info("Workspace {}: correction {} version {} indexed as knowledge", e.tenant(), e.correctionId(),
                e.version());
    }

    @ApplicationModuleListener
    void on(CorrectionEvents.CorrectionRetired e) {
        index.deleteDocument(e.tenant(), e.correctionId());
    }

    /**
     * A knowledge rebuild (after a lost index, say) re-indexes the documents; this puts the approved corrections back
     * beside them. Indexing is idempotent: a correction's chunk id is fixed by its id and text version.
     */
    @ApplicationModuleListener
    void on(KnowledgeEvents.RebuildRequested e) {
        List<CorrectionRepository.Approved> approved = corrections.approved(e.tenant());
        for (CorrectionRepository.Approved a : approved) {
            corrections.findById(e.tenant(), a.id()).filter(c -> c.status() == CorrectionStatus.APPROVED)
                    .ifPresent(c -> index.index(e.tenant(), List.of(chunk(e.tenant(), c, embedder))));
        }
        log.info("Workspace {}: rebuild, {} approved corrections indexed again", e.tenant(), approved.size());
    }

    static IndexedChunk chunk(TenantId tenant, Correction c, TextEmbedder embedder) {
        String text = c.question() + "\n\n" + c.answer();
        String question = c.question().replaceAll("\\s+", " ");
        String title = TITLE_PREFIX + (question.length() <= TITLE_CHARS ? question
                : question.substring(0, TITLE_CHARS) + "…");
        UUID chunkId = UUID.nameUUIDFromBytes(("correction:" + c.id() + ":" + c.textVersion())
                .getBytes(StandardCharsets.UTF_8));
        return new IndexedChunk(tenant, c.id(), c.textVersion(), chunkId, IndexedChunk.CORRECTION, Visibility.PUBLIC,
                title, List.of(), text, embedder.embed(text), c.sourceUrl());
    }
}
