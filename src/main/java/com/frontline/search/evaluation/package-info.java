/**
 * The {@code eval-retrieval} command's core: BEIR-style data sets, indexing one into a scratch tenant, running its
 * queries through the app's own retrieval path, and the metrics (recall, MRR, nDCG, latency percentiles).
 */
@NullMarked
package com.frontline.search.evaluation;

import org.jspecify.annotations.NullMarked;
