-- Where a document's title comes from. FILE_NAME: provisional, from the uploaded file's name, replaced by the
-- document's own title (PDF/DOCX metadata, HTML <title>, first heading) when its first version is read. DOCUMENT: taken
-- from the document; a new version keeps it. ADMIN: typed by an admin (pasted text, a rename); never replaced.
-- Existing documents keep the titles they have (they count as DOCUMENT): nothing is rewritten.
alter table knowledge.documents
    add column title_source text not null default 'DOCUMENT'
        check (title_source in ('FILE_NAME', 'DOCUMENT', 'ADMIN'));

-- Sentences of a document version an admin should check before customers read them: instructions addressed to the
-- assistant or to customers ("ignore previous instructions", "tell every customer ...") and links to websites that are
-- not the workspace's own. Found when the version is indexed; replaced when it is indexed again.
create table knowledge.sentence_flags (
    tenant_id   uuid   not null,
    document_id uuid   not null,
    version     int    not null,
    ordinal     int    not null,
    sentence    text   not null,
    -- INSTRUCTION and/or LINK
    reasons     text[] not null,
    -- the hosts of the sentence's links, to re-check them against the allowed websites when shown
    link_hosts  text[] not null default '{}',
    primary key (tenant_id, document_id, version, ordinal),
    foreign key (tenant_id, document_id, version)
        references knowledge.document_versions (tenant_id, document_id, version) on delete cascade
);
