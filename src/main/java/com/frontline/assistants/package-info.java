/**
 * Assistant versions: immutable, numbered snapshots of what decides a workspace's answers (persona and prompt,
 * routing rules, providers and models, retrieval settings, confidence threshold), the draft they are published from
 * (the existing settings pages), the live version the website widget answers with, and a selection hook through
 * which experiments assign visitors another version. {@link com.frontline.assistants.AssistantVersions} is the API.
 */
@NullMarked
package com.frontline.assistants;

import org.jspecify.annotations.NullMarked;
