/** The knowledge-gaps page. */
@NullMarked
package com.frontline.insights.web;

import org.jspecify.annotations.NullMarked;
