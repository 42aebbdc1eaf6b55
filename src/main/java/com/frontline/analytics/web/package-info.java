/** The analytics page ({@code /w/{slug}/analytics}), its question drill-down and the dashboard's key cards. */
@NullMarked
package com.frontline.analytics.web;

import org.jspecify.annotations.NullMarked;
