/**
 * Turns uploaded documents (PDF, DOCX, HTML, Markdown, plain text, FAQ CSV) into structured {@link
 * com.frontline.knowledge.parsing.Block}s that remember their heading path, and packs those into
 * {@link com.frontline.knowledge.parsing.Chunk}s for search and citations. Plain Java without Spring, so that every
 * rule is unit-testable; the knowledge service decides where files come from and where chunks go.
 * <p>
 * Every entry point is bounded by {@link com.frontline.knowledge.parsing.DocumentLimits}: uploads are hostile until
 * proven otherwise, and a single bad file must never take the node down with it.
 */
@NullMarked
package com.frontline.knowledge.parsing;

import org.jspecify.annotations.NullMarked;
