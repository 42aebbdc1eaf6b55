/**
 * Every server-side call to an address a workspace typed (AI providers, webhooks): one guard that resolves the host
 * and refuses loopback, private and every other special-purpose address, and an HTTP client that connects only to the
 * addresses the guard checked, so DNS rebinding cannot switch them between the check and the connection.
 */
@NullMarked
package com.frontline.shared.outbound;

import org.jspecify.annotations.NullMarked;
