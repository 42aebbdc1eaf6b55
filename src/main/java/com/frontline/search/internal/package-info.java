/** Elasticsearch requests and the MiniLM embedder behind the search module's API. */
@NullMarked
package com.frontline.search.internal;

import org.jspecify.annotations.NullMarked;
