/**
 * Corrections: the right answer an agent writes for a question the assistant got wrong, and the approval queue
 * reviewers work through. An approved correction answers matching questions at once ("Verified answer"), is indexed
 * as knowledge and becomes a case of the workspace's evaluation set.
 */
@NullMarked
package com.frontline.corrections;

import org.jspecify.annotations.NullMarked;
