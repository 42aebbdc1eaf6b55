/**
 * The HTTP edge: which reverse proxies may tell the app the visitor's address, scheme and host, and what is refused
 * before any handler runs.
 */
@NullMarked
package com.frontline.platform.http;

import org.jspecify.annotations.NullMarked;
