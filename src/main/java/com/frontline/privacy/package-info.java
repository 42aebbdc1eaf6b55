/**
 * Privacy: how long a workspace keeps its transcripts (the retention job), the export and erasure of one end
 * customer's data, and the Owner's deletion of a whole workspace. Search documents are deleted after the database
 * part commits; an Elasticsearch failure leaves the erasure PENDING for the retry job. Publishes
 * {@link com.frontline.shared.privacy.ConversationsErased} and {@link com.frontline.shared.privacy.WorkspaceErased}.
 */
@NullMarked
package com.frontline.privacy;

import org.jspecify.annotations.NullMarked;
