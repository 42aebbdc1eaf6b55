/**
 * Search over a tenant's knowledge: text embeddings ({@link com.frontline.search.TextEmbedder}) and the Elasticsearch
 * index of knowledge chunks ({@link com.frontline.search.KnowledgeIndex}). One index holds every tenant's chunks;
 * every request is scoped to one tenant in {@code internal.ChunkRequests}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "platform :: elasticsearch", "audit" })
package com.frontline.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
