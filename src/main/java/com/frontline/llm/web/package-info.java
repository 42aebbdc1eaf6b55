@NullMarked
package com.frontline.llm.web;

import org.jspecify.annotations.NullMarked;
