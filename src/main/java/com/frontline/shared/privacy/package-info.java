/**
 * Personal data: the redactor every module uses before text leaves the conversation view, and the events published
 * when conversations or a whole workspace are erased (privacy publishes them; modules holding derived rows listen).
 */
@NullMarked
package com.frontline.shared.privacy;

import org.jspecify.annotations.NullMarked;
