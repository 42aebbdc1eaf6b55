/** The versions screens: the list with the live badge and the publish form, a version's page, the diff. */
@NullMarked
package com.frontline.assistants.web;

import org.jspecify.annotations.NullMarked;
