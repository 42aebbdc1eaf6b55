@NullMarked
package com.frontline.knowledge.web;

import org.jspecify.annotations.NullMarked;
