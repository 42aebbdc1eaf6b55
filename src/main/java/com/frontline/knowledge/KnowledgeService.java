package com.frontline.knowledge;

import com.frontline.audit.AuditLog;
import com.frontline.knowledge.parsing.DocumentLimits;
import com.frontline.knowledge.parsing.DocumentParser;
import com.frontline.knowledge.parsing.DocumentRejectedException;
import com.frontline.knowledge.parsing.DocumentTitles;
import com.frontline.knowledge.parsing.DocumentType;
import com.frontline.search.Visibility;
import com.frontline.knowledge.parsing.SentenceFlags;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Hashes;
import com.frontline.shared.Links;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.TenantFiles;
import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The workspace's documents. An upload is checked at once (size, type by content, same file already there) so that
 * the admin hears about a bad file where they are; the slow work (parse, chunk, embed, index) runs in the background
 * and its progress shows as the version's status.
 */
@Service
public class KnowledgeService {

    /** Content type of pasted text, stored as UTF-8 bytes like any file. */
    static final String PASTED_TEXT = "text/x-frontline-pasted";
    public static final int MAX_PASTED_CHARS = 200_000;

    private final DocumentRepository documents;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final TenantService tenants;
    private final DocumentParser parser = new DocumentParser();
    private final DocumentLimits limits = LIMITS;

    /** The parser's defaults, but as much text as the 25 MB file limit can hold: 5 MB of prose is ~5 M chars. */
    static final DocumentLimits LIMITS = DocumentLimits.defaults().withMaxExtractedChars(25_000_000);

    KnowledgeService(DocumentRepository documents, ApplicationEventPublisher events, AuditLog audit,
                     TransactionTemplate tx, TenantService tenants) {
        this.tenants = tenants;
        this.documents = documents;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * Queues one file. A file with the same name as an existing document (or {@code replacing}) becomes that
     * document's next version; the old version stays searchable until the new one is indexed.
     *
     * @param visibility the new document's; a new version of an internal document stays internal (only the
     *                   document page makes one public), and a public one marked internal becomes internal
     */
    public UploadResult upload(CurrentTenant tenant, String rawFilename, byte[] bytes, @Nullable UUID replacing,
                               Visibility visibility) {
        String filename = cleanFilename(rawFilename);
        if (bytes.length == 0) {
            return UploadResult.refused(filename, "The file is empty.");
        }
        if (bytes.length > limits.maxBytes()) {
            return UploadResult.refused(filename, "The file is %,d MB; the limit is %,d MB."
                    .formatted(bytes.length / (1024 * 1024), limits.maxBytes() / (1024 * 1024)));
        }
        DocumentType type;
        try {
            type = detect(tenant.id(), filename, bytes);
        } catch (DocumentRejectedException e) {
            return UploadResult.refused(filename, e.userMessage());
        }
        String sha = Hashes.sha256(bytes);
        Optional<DocumentRepository.Duplicate> duplicate = documents.findByContent(tenant.id(), sha);
        if (duplicate.isPresent()) {
            return UploadResult.refused(filename, "This exact file is already in the knowledge base as “%s” (version %d)."
                    .formatted(duplicate.get().title(), duplicate.get().version()));
        }
        if (replacing != null && documents.summary(tenant.id(), replacing).isEmpty()) {
            throw NotFoundException.of("Document", replacing);
        }
        UUID target = replacing != null ? replacing : documents.findByFilename(tenant.id(), filename).orElse(null);
        // a provisional title: the document's own replaces it when its first version is read
        return store(tenant, target, titleOf(filename), DocumentRepository.TitleSource.FILE_NAME, filename, type.name(),
                contentType(type), bytes, sha, visibility);
    }

    /** Pasted text becomes a document like an uploaded file. */
    public UploadResult addText(CurrentTenant tenant, String rawTitle, String text, Visibility visibility) {
        String title = rawTitle == null ? "" : rawTitle.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isEmpty() || title.length() > 200) {
            errors.put("title", "Give the text a title (up to 200 characters).");
        }
        if (text == null || text.isBlank()) {
            errors.put("text", "Paste some text.");
        } else if (text.length() > MAX_PASTED_CHARS) {
            errors.put("text", "Paste at most %,d characters, or upload the text as a file.".formatted(MAX_PASTED_CHARS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = Hashes.sha256(bytes);
        Optional<DocumentRepository.Duplicate> duplicate = documents.findByContent(tenant.id(), sha);
        if (duplicate.isPresent()) {
            throw InvalidInputException.of("text", "This text is already in the knowledge base as “%s”."
                    .formatted(duplicate.get().title()));
        }
        return store(tenant, null, title, DocumentRepository.TitleSource.ADMIN, null, DocumentType.TEXT.name(),
                PASTED_TEXT, bytes, sha, visibility);
    }

    private UploadResult store(CurrentTenant tenant, @Nullable UUID existing, String newTitle,
                               DocumentRepository.TitleSource titleSource, @Nullable String filename, String type,
                               String contentType, byte[] bytes, String sha, Visibility requested) {
        Objects.requireNonNull(requested, "visibility");
        return tx.execute(s -> {
            UUID documentId = existing;
            Visibility visibility = requested;
            if (documentId == null) {
                documentId = UUID.randomUUID();
                documents.insertDocument(tenant.id(), documentId, newTitle, filename, titleSource, visibility);
            } else {
                Visibility before = documents.visibility(tenant.id(), documentId).orElse(Visibility.PUBLIC);
                // never made public by an upload that did not say so: only the document page widens it
                visibility = before == Visibility.INTERNAL ? Visibility.INTERNAL : requested;
                if (visibility != before) {
                    changeVisibility(tenant, documentId, documents.title(tenant.id(), documentId), before, visibility);
                }
            }
            int version = documents.nextVersion(tenant.id(), documentId); // a new version keeps the title
            String title = version == 1 ? newTitle : documents.title(tenant.id(), documentId);
            documents.insertVersion(tenant.id(), documentId, version, type, sha, bytes.length, tenant.userId(),
                    contentType, bytes);
            audit.record(tenant.id(), tenant.actor(), version == 1 ? "knowledge.document_added"
                    : "knowledge.document_version_added", title, null,
                    Map.of("document", documentId.toString(), "version", version, "type", type, "bytes", bytes.length,
                            "visibility", visibility.name()));
            events.publishEvent(new KnowledgeEvents.DocumentVersionUploaded(tenant.id(), documentId, version));
            String message = version == 1 ? "Queued for indexing." : "Queued as version " + version
                    + "; version " + (version - 1) + " stays searchable until it is indexed.";
            if (visibility == Visibility.INTERNAL) {
                message += requested == Visibility.INTERNAL ? " Internal: the website widget never quotes it."
                        : " The document stays internal; make it public on its page.";
            }
            return new UploadResult(filename == null ? title : filename, true, message, documentId, version);
        });
    }

    /**
     * Makes the document's passages public (help content the widget may quote) or internal (the team only). The
     * index follows in the background; audited.
     */
    @Transactional
    public void setVisibility(CurrentTenant tenant, UUID documentId, Visibility visibility) {
        Objects.requireNonNull(visibility, "visibility");
        Visibility before = documents.visibility(tenant.id(), documentId)
                .orElseThrow(() -> NotFoundException.of("Document", documentId));
        if (before != visibility) {
            changeVisibility(tenant, documentId, documents.title(tenant.id(), documentId), before, visibility);
        }
    }

    private void changeVisibility(CurrentTenant tenant, UUID documentId, String title, Visibility before,
                                  Visibility after) {
        documents.setVisibility(tenant.id(), documentId, after);
        audit.record(tenant.id(), tenant.actor(), "knowledge.visibility_changed", title,
                Map.of("document", documentId.toString(), "visibility", before.name()),
                Map.of("document", documentId.toString(), "visibility", after.name()));
        events.publishEvent(new KnowledgeEvents.VisibilityChanged(tenant.id(), documentId, Instant.now()));
    }

    @Transactional(readOnly = true)
    public List<DocumentSummary> documents(TenantId tenant) {
        return documents.summaries(tenant);
    }

    @Transactional(readOnly = true)
    public DocumentDetails document(TenantId tenant, UUID documentId) {
        DocumentSummary summary = documents.summary(tenant, documentId)
                .orElseThrow(() -> NotFoundException.of("Document", documentId));
        return new DocumentDetails(summary, documents.versions(tenant, documentId));
    }

    @Transactional(readOnly = true)
    public DocumentFile file(TenantId tenant, UUID documentId, int version) {
        DocumentSummary summary = documents.summary(tenant, documentId)
                .orElseThrow(() -> NotFoundException.of("Document", documentId));
        DocumentRepository.StoredFile file = documents.file(tenant, documentId, version)
                .orElseThrow(() -> NotFoundException.of("Document version", version));
        boolean pasted = file.contentType().equals(PASTED_TEXT);
        String name = summary.filename() != null ? summary.filename() : summary.title() + ".txt";
        return new DocumentFile(name, pasted ? "text/plain;charset=UTF-8" : file.contentType(), file.bytes());
    }

    /** Removes the document from PostgreSQL now and from the search index in the background. */
    @Transactional
    public void delete(CurrentTenant tenant, UUID documentId) {
        DocumentSummary summary = documents.summary(tenant.id(), documentId)
                .orElseThrow(() -> NotFoundException.of("Document", documentId));
        documents.deleteDocument(tenant.id(), documentId);
        audit.record(tenant.id(), tenant.actor(), "knowledge.document_deleted", summary.title(),
                Map.of("document", documentId.toString(), "versions", summary.latestVersion()), null);
        events.publishEvent(new KnowledgeEvents.DocumentDeleted(tenant.id(), documentId));
    }

    @Transactional
    public void rebuild(CurrentTenant tenant) {
        int total = documents.liveVersions(tenant.id()).size();
        documents.startRebuild(tenant.id(), total);
        audit.record(tenant.id(), tenant.actor(), "knowledge.rebuild_requested", null, null, Map.of("documents", total));
        events.publishEvent(new KnowledgeEvents.RebuildRequested(tenant.id()));
    }

    @Transactional(readOnly = true)
    public KnowledgeStatus status(TenantId tenant) {
        DocumentRepository.Counts counts = documents.counts(tenant);
        return new KnowledgeStatus(counts.documents(), counts.chunks(), counts.indexing(), counts.failed(),
                documents.rebuild(tenant).orElse(null));
    }

    private DocumentType detect(TenantId tenant, String filename, byte[] bytes) throws DocumentRejectedException {
        return TenantFiles.withTempFile(tenant, bytes, file -> parser.detect(file, filename));
    }

    static String cleanFilename(@Nullable String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "document" : name;
    }

    static String titleOf(String filename) {
        return DocumentTitles.fromFilename(filename);
    }

    /** Renames a document; its passages are re-indexed with the new title in the background. */
    @Transactional
    public void rename(CurrentTenant tenant, UUID documentId, @Nullable String rawTitle) {
        String title = rawTitle == null ? "" : rawTitle.replaceAll("\\s+", " ").strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw InvalidInputException.of("title", "Give the document a title (up to " + MAX_TITLE
                    + " characters); customers see it in the sources of answers.");
        }
        DocumentSummary summary = documents.summary(tenant.id(), documentId)
                .orElseThrow(() -> NotFoundException.of("Document", documentId));
        if (title.equals(summary.title())) {
            return;
        }
        documents.rename(tenant.id(), documentId, title);
        audit.record(tenant.id(), tenant.actor(), "knowledge.document_renamed", title,
                Map.of("title", summary.title()), Map.of("title", title));
        events.publishEvent(new KnowledgeEvents.DocumentRenamed(tenant.id(), documentId));
    }

    static final int MAX_TITLE = 200;

    /**
     * The sentences of the document's live version (the newest if none is live yet) an admin should check: instructions
     * and links to websites that are not among the workspace's allowed websites now.
     */
    @Transactional(readOnly = true)
    public List<FlaggedSentence> flaggedSentences(TenantId tenant, UUID documentId) {
        DocumentSummary summary = documents.summary(tenant, documentId)
                .orElseThrow(() -> NotFoundException.of("Document", documentId));
        int version = summary.liveVersion() > 0 ? summary.liveVersion() : summary.latestVersion();
        List<String> origins = tenants.widget(tenant).allowedOrigins();
        List<FlaggedSentence> out = new ArrayList<>();
        for (DocumentRepository.StoredFlag flag : documents.flags(tenant, documentId, version)) {
            List<String> foreign = flag.linkHosts().stream().filter(h -> !Links.allowed(h, origins)).toList();
            boolean instruction = flag.reasons().contains(SentenceFlags.Reason.INSTRUCTION.name());
            if (instruction || !foreign.isEmpty()) {
                out.add(new FlaggedSentence(flag.sentence(), instruction, foreign));
            }
        }
        return out;
    }

    static String contentType(DocumentType type) {
        return switch (type) {
            case PDF -> "application/pdf";
            case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case HTML -> "text/html";
            case MARKDOWN -> "text/markdown";
            case TEXT -> "text/plain";
            case FAQ_CSV -> "text/csv";
        };
    }

}
