/** The corrections screens: writing a correction, the approval queue, its settings and the training export. */
@NullMarked
package com.frontline.corrections.web;

import org.jspecify.annotations.NullMarked;
