/** The Evaluation page: the workspace's evaluation set, its runs, and two runs side by side. */
@NullMarked
package com.frontline.evaluation.web;

import org.jspecify.annotations.NullMarked;
