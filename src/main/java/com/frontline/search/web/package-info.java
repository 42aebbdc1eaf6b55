/** The "Search tuning" settings page: the workspace's retrieval knobs and a box to try a query with them. */
@NullMarked
package com.frontline.search.web;

import org.jspecify.annotations.NullMarked;
